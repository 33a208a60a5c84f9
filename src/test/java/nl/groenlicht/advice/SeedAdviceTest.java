package nl.groenlicht.advice;

import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.LoadedQuestionnaire;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.QuestionnaireLoader;
import nl.groenlicht.scan.Section;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.ScanScorer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static nl.groenlicht.support.Options.best;
import static nl.groenlicht.support.Options.worst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The advice catalogue the portal ships with, against the shipped questionnaire. */
class SeedAdviceTest {

    private static final QuestionnaireCatalog QUESTIONNAIRES = new QuestionnaireCatalog(new QuestionnaireLoader()
            .loadAll(Path.of("seed-data")).stream().map(LoadedQuestionnaire::questionnaire).toList());
    private static final Questionnaire SCAN = QUESTIONNAIRES.current();
    private static final AdviceEngine ENGINE = new AdviceEngine(new AdviceLoader(QUESTIONNAIRES.versionsOf(SCAN.id()),
            LocalDate.now()).loadAll(Path.of("seed-data")));
    private static final AdviceCatalogue CATALOGUE = ENGINE.catalogue(SCAN);

    /** Starts from the best answer everywhere, with client sites, no tenders and no concerns. */
    private static Map<String, List<String>> allGreen() {
        Map<String, List<String>> answers = new HashMap<>();
        answers.put("organisationName", List.of("Test"));
        answers.put("clientSites", List.of("yes"));
        answers.put("publicTenders", List.of("no"));
        for (Section section : SCAN.sections()) {
            section.scoredItems().forEach(item -> answers.put(item.id(), List.of(best(item))));
        }
        return answers;
    }



    /** Every scored item of the section answered with its worst option: the section is RED. */
    private static Map<String, List<String>> withRed(Map<String, List<String>> answers, String sectionId) {
        SCAN.section(sectionId).orElseThrow().scoredItems().forEach(i -> answers.put(i.id(), List.of(worst(i))));
        return answers;
    }

    private static List<Advice> advise(Map<String, List<String>> map) {
        return advise(map, List.of());
    }

    private static List<Advice> advise(Map<String, List<String>> map, List<TeamSays> teams) {
        Answers answers = new Answers(map);
        ScanResult result = new ScanScorer().score(SCAN, answers);
        return ENGINE.advise(SCAN, answers, result, teams);
    }

    private static Set<String> ids(List<Advice> advice) {
        Set<String> ids = new HashSet<>();
        advice.forEach(a -> ids.add(a.item().id()));
        return ids;
    }

    private static Set<String> ids(Map<String, List<String>> answers) {
        return ids(advise(answers));
    }

    /** Changes the answers (and what teams say) so that the rule holds, working from the rule itself. */
    private static void satisfy(AdviceRule rule, Map<String, List<String>> answers, List<TeamSays> teams) {
        if (rule instanceof AdviceRule.TeamBelow below) {
            teams.add(new TeamSays("Team", 1, 5, Map.of(below.sectionId(), 0)));
        } else if (rule instanceof AdviceRule.AnswerIs is) {
            answers.put(is.itemId(), List.of(is.values().iterator().next()));
        } else if (rule instanceof AdviceRule.LightIs is) {
            light(is.sectionId(), is.lights(), answers);
        } else if (rule instanceof AdviceRule.SectionsNotGreen notGreen) {
            SCAN.sections().stream().limit(notGreen.atLeast()).forEach(s -> withRed(answers, s.id()));
        } else if (rule instanceof AdviceRule.All all) {
            all.rules().forEach(r -> satisfy(r, answers, teams));
        } else {
            satisfy(((AdviceRule.Any) rule).rules().get(0), answers, teams);
        }
    }

    private static void light(String sectionId, Set<Light> wanted, Map<String, List<String>> answers) {
        Section section = SCAN.section(sectionId).orElseThrow();
        if (wanted.contains(Light.RED)) {
            withRed(answers, sectionId);
        } else if (wanted.contains(Light.INCOMPLETE)) {
            section.scoredItems().forEach(i -> answers.remove(i.id()));
        } else if (wanted.contains(Light.NOT_APPLICABLE)) {
            answers.put("clientSites", List.of("no"));
        } else if (wanted.contains(Light.ORANGE)) {
            // From all best, worsen one answer at a time until the section turns orange.
            for (Item item : section.scoredItems()) {
                if (lightOf(sectionId, answers) == Light.ORANGE) {
                    return;
                }
                answers.put(item.id(), List.of(worst(item)));
            }
        }
    }

    private static Light lightOf(String sectionId, Map<String, List<String>> answers) {
        return new ScanScorer().score(SCAN, new Answers(answers)).sections().stream()
                .filter(s -> s.section().id().equals(sectionId)).findFirst().orElseThrow().light();
    }

    @Test
    void theTeamSessionNeedsATeamClearlyMoreNegativeThanTheScan() {
        Map<String, List<String>> green = allGreen();
        assertFalse(ids(advise(green)).contains("teamInformationSession"), "never without a pulse");
        assertFalse(ids(advise(green, List.of(new TeamSays("Team", 1, 5, Map.of("cohesion", 76)))))
                .contains("teamInformationSession"), "24 points below the scan's 100 is not clearly more negative");
        Advice advice = advise(green, List.of(new TeamSays("Team", 1, 5, Map.of("colleagues", 75)))).stream()
                .filter(a -> a.item().id().equals("teamInformationSession")).findFirst().orElseThrow();
        Because.TeamSaid because = (Because.TeamSaid) advice.because().get(0);
        assertEquals("colleagues", because.section().section().id());
        assertEquals(100, because.section().score());
    }

    @Test
    void everyRuleInTheCatalogueCanHoldAndSaysWhy() {
        List<String> silent = new ArrayList<>();
        for (AdviceItem item : CATALOGUE.items()) {
            Map<String, List<String>> answers = allGreen();
            List<TeamSays> teams = new ArrayList<>();
            satisfy(item.rule(), answers, teams);
            Optional<Advice> advice = advise(answers, teams).stream().filter(a -> a.item() == item).findFirst();
            if (advice.isEmpty() || advice.get().because().isEmpty()) {
                silent.add(item.id());
            }
        }
        assertEquals(List.of(), silent, "advice whose rule never held, or held without a reason");
    }

    @Test
    void catalogueIsBigEnoughAndUsesEveryCategory() {
        assertTrue(CATALOGUE.items().size() >= 25, "advice items: " + CATALOGUE.items().size());
        Set<AdviceCategory> used = new HashSet<>();
        CATALOGUE.items().forEach(i -> used.add(i.category()));
        assertEquals(Set.of(AdviceCategory.values()), used);
    }

    @Test
    void everySectionHasAdviceForWhenItIsRed() {
        for (Section section : SCAN.sections()) {
            List<Advice> advice = advise(withRed(allGreen(), section.id()));
            assertTrue(advice.stream().anyMatch(a -> a.urgency() == Light.RED), section.id() + ": " + ids(advice));
        }
    }

    @Test
    void allGreenScanGetsNoAdviceTriggeredByARedOrOrangeLight() {
        List<Advice> advice = advise(allGreen());
        advice.forEach(a -> assertEquals(null, a.urgency(), a.item().id()));
        advice.forEach(a -> a.because().forEach(b -> assertFalse(b instanceof Because.SectionLit lit
                && lit.section().light() != Light.GREEN && lit.section().light() != Light.NOT_APPLICABLE, a.item().id())));
    }

    @Test
    void redSupervisorGivesHarrieHelptForTheSupervisor() {
        assertFalse(ids(allGreen()).contains("harrieHelptSupervisor"));
        assertTrue(ids(withRed(allGreen(), "supervisor")).contains("harrieHelptSupervisor"));
    }

    @Test
    void cohesionOrColleaguesNotGreenGiveTeamTrainingAndABuddy() {
        for (String section : List.of("cohesion", "colleagues")) {
            Set<String> ids = ids(withRed(allGreen(), section));
            assertTrue(ids.containsAll(List.of("harrieHelptTeam", "buddy")), section + ": " + ids);
        }
    }

    @Test
    void redStimuliGiveAWorkplaceOrJobCarvingAdvice() {
        List<Advice> advice = advise(withRed(allGreen(), "stimuli"));
        assertTrue(advice.stream().anyMatch(a -> a.urgency() == Light.RED
                && (a.item().category() == AdviceCategory.WORKPLACE || a.item().category() == AdviceCategory.JOB_CARVING)),
                ids(advice).toString());
    }

    @Test
    void separableRoutineTasksGiveJobCarving() {
        Map<String, List<String>> answers = allGreen();
        answers.put("workJobCarving", List.of("5"));
        assertTrue(ids(answers).contains("jobCarving"));
        answers.put("workJobCarving", List.of("1"));
        assertFalse(ids(answers).contains("jobCarving"));
    }

    @Test
    void publicTendersGiveSroi() {
        Map<String, List<String>> answers = allGreen();
        assertFalse(ids(answers).contains("sroi"));
        answers.put("publicTenders", List.of("yes"));
        assertTrue(ids(answers).contains("sroi"));
    }

    @Test
    void absenceRiskGivesTheNoRiskPolis() {
        Map<String, List<String>> answers = allGreen();
        assertFalse(ids(answers).contains("noRiskPolis"));
        answers.put("concerns", List.of("absence-risk"));
        assertTrue(ids(answers).contains("noRiskPolis"));
    }

    @Test
    void guidanceTimeOrCostsGiveWageSubsidyTrialPlacementAndJobcoach() {
        for (String concern : List.of("guidance-time", "costs")) {
            Map<String, List<String>> answers = allGreen();
            answers.put("concerns", List.of(concern));
            assertTrue(ids(answers).containsAll(List.of("loonkostensubsidie", "proefplaatsing", "jobcoach")), concern);
        }
    }

    @Test
    void redMotivationGivesADecisionToSayNotYet() {
        List<Advice> advice = advise(withRed(allGreen(), "motivation"));
        Advice notYet = advice.stream().filter(a -> a.item().id().equals("notYetMotivation")).findFirst().orElseThrow();
        assertEquals(AdviceCategory.DECISION, notYet.item().category());
        assertEquals(Light.RED, notYet.urgency());
        assertFalse(ids(allGreen()).contains("notYetMotivation"));
    }

    @Test
    void severalSectionsNotGreenGiveUwvBedrijfsadvies() {
        Map<String, List<String>> two = withRed(withRed(allGreen(), "stimuli"), "work");
        assertFalse(ids(two).contains("uwvBedrijfsadvies"));
        assertTrue(ids(withRed(two, "cohesion")).contains("uwvBedrijfsadvies"));
    }

    @Test
    void redAdviceComesBeforeOrangeBeforeGeneral() {
        Map<String, List<String>> answers = withRed(allGreen(), "supervisor");
        answers.put("publicTenders", List.of("yes"));
        List<Light> order = new ArrayList<>();
        advise(answers).forEach(a -> order.add(a.urgency()));
        int firstGeneral = order.indexOf(null);
        assertTrue(firstGeneral > 0, order.toString());
        assertTrue(order.subList(firstGeneral, order.size()).stream().allMatch(u -> u == null), order.toString());
    }

    @Test
    void everyFinancialInstrumentSaysWhoQualifiesAndDatesItsFacts() {
        CATALOGUE.items().stream().filter(i -> i.category() == AdviceCategory.FINANCIAL).forEach(item -> {
            assertTrue(item.conditions() != null, item.id());
            item.facts().forEach(fact -> {
                assertTrue(fact.source().url().startsWith("http"), item.id());
                assertTrue(fact.checked() != null && fact.source().checked() != null, item.id());
            });
        });
        List<String> named = Arrays.asList("loonkostensubsidie", "noRiskPolis", "sroi", "proefplaatsing", "lkv",
                "werkplekaanpassingen", "jobcoachFunding");
        named.forEach(id -> assertTrue(CATALOGUE.item(id).isPresent(), id));
    }

    @Test
    void everyAdviceOfTheNewestCatalogueHasASourceAndEveryFactTheDayItWasRead() {
        CATALOGUE.items().forEach(item -> {
            assertTrue(!item.sources().isEmpty() || !item.facts().isEmpty(), item.id() + " has no source");
            item.facts().forEach(fact -> assertTrue(fact.checked() != null && !fact.checked().isAfter(LocalDate.now()),
                    item.id()));
        });
    }
}
