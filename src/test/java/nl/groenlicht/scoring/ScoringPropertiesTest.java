package nl.groenlicht.scoring;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireLoader;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scoring rules hold for any way the real questionnaire can be filled in: generated answers to every scored
 * question (any option, don't-know, or none), with and without client sites.
 */
class ScoringPropertiesTest {

    private static final Questionnaire SCAN = new QuestionnaireLoader()
            .load(Path.of("seed-data/questionnaires/werkplekscan-v1.yaml")).questionnaire();
    private static final List<Item> SCORED = SCAN.sections().stream().flatMap(s -> s.scoredItems().stream()).toList();
    private static final int PICKS = 100;

    private final ScanScorer scorer = new ScanScorer();

    /** One pick per scored question: an option, or (one more than the options) no answer. */
    private static Answers answers(List<Integer> picks, boolean clientSites) {
        Map<String, List<String>> answers = new HashMap<>();
        answers.put("clientSites", List.of(clientSites ? "yes" : "no"));
        for (int i = 0; i < SCORED.size(); i++) {
            Item item = SCORED.get(i);
            int pick = picks.get(i) % (item.options().size() + 1);
            if (pick < item.options().size()) {
                answers.put(item.id(), List.of(item.options().get(pick).value()));
            }
        }
        return new Answers(answers);
    }

    @Property
    void everyScoreStaysWithin0And100(@ForAll @Size(PICKS) List<@IntRange(max = 1000) Integer> picks,
                                      @ForAll boolean clientSites) {
        for (SectionLight section : scorer.score(SCAN, answers(picks, clientSites)).sections()) {
            assertTrue(section.score() == null || (section.score() >= 0 && section.score() <= 100),
                    section.section().id() + " scored " + section.score());
        }
    }

    @Property
    void aKnockoutAlwaysMakesItsSectionRed(@ForAll @Size(PICKS) List<@IntRange(max = 1000) Integer> picks,
                                           @ForAll boolean clientSites) {
        Answers answers = answers(picks, clientSites);
        for (SectionLight section : scorer.score(SCAN, answers).sections()) {
            boolean knockedOut = SCAN.applies(section.section(), answers) && section.section().scoredItems().stream()
                    .filter(item -> SCAN.applies(item, answers))
                    .anyMatch(item -> answers.values(item.id()).stream().anyMatch(item::isKnockout));
            if (knockedOut) {
                assertEquals(Light.RED, section.light(), section.section().id());
            }
        }
    }

    @Property
    void theVerdictIsReadyExactlyWhenEveryApplicableSectionIsGreen(
            @ForAll @Size(PICKS) List<@IntRange(max = 1000) Integer> picks, @ForAll boolean clientSites) {
        ScanResult result = scorer.score(SCAN, answers(picks, clientSites));
        boolean allGreen = result.sections().stream()
                .allMatch(s -> s.light() == Light.GREEN || s.light() == Light.NOT_APPLICABLE)
                && result.sections().stream().anyMatch(s -> s.light() == Light.GREEN);
        assertEquals(allGreen, result.readiness() == Readiness.READY, result.toString());
    }

    /** Where a better answer opens or closes no other question, it never lowers its section's score. */
    @Property
    void aBetterAnswerNeverLowersTheScore(@ForAll @Size(PICKS) List<@IntRange(max = 1000) Integer> picks,
                                          @ForAll boolean clientSites, @ForAll @IntRange(max = 1000) int which) {
        Answers before = answers(picks, clientSites);
        Item item = SCORED.get(which % SCORED.size());
        Optional<AnswerOption> current = before.single(item.id()).flatMap(item::option).filter(o -> o.score() != null);
        Assume.that(current.isPresent() && SCAN.applies(item, before));
        Optional<AnswerOption> better = item.options().stream()
                .filter(o -> o.score() != null && o.score() > current.get().score())
                .min(Comparator.comparingInt(AnswerOption::score));
        Assume.that(better.isPresent());
        Answers after = before.with(Map.of(item.id(), List.of(better.get().value())));
        Assume.that(SCORED.stream().allMatch(i -> SCAN.applies(i, before) == SCAN.applies(i, after)));

        String section = SCAN.sectionOf(item).orElseThrow().id();
        Integer scoreBefore = score(before, section);
        Integer scoreAfter = score(after, section);
        Assume.that(scoreBefore != null && scoreAfter != null);
        assertTrue(scoreAfter >= scoreBefore, item.id() + ": " + scoreBefore + " -> " + scoreAfter);
    }

    private Integer score(Answers answers, String sectionId) {
        return scorer.score(SCAN, answers).sections().stream().filter(s -> s.section().id().equals(sectionId))
                .findFirst().orElseThrow().score();
    }
}
