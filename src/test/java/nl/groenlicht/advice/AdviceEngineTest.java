package nl.groenlicht.advice;

import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireLoader;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.ScanScorer;
import nl.groenlicht.seeddata.SeedDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule kinds of the advice engine, on the small test questionnaire. */
class AdviceEngineTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/valid");
    private static final Questionnaire TEST = new QuestionnaireLoader()
            .load(FIXTURES.resolve("questionnaires/test-v1.yaml")).questionnaire();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final AdviceEngine ENGINE = new AdviceEngine(new AdviceLoader(List.of(TEST), TODAY).loadAll(FIXTURES));

    private static List<Advice> advise(String... pairs) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        Answers answers = new Answers(map);
        return ENGINE.advise(TEST, answers, new ScanScorer().score(TEST, answers));
    }

    private static List<String> ids(List<Advice> advice) {
        return advice.stream().map(a -> a.item().id()).toList();
    }

    @Test
    void greenScanWithoutProfileConcernsGetsNoAdvice() {
        assertEquals(List.of(), ids(advise("alphaOne", "p100", "alphaTwo", "p100", "alphaGate", "yes",
                "alphaFollowUp", "p100")));
    }

    @Test
    void redLightGivesRedAdviceFirstWithTheLightAsReason() {
        List<Advice> advice = advise("alphaOne", "p0", "alphaTwo", "p49", "alphaGate", "no", "concerns", "costs");
        assertEquals(List.of("alphaRed", "alphaNotGreen", "costs"), ids(advice));
        Advice red = advice.get(0);
        assertEquals(Light.RED, red.urgency());
        Because.SectionLit lit = (Because.SectionLit) red.because().get(0);
        assertEquals("alpha", lit.section().section().id());
        assertEquals(Light.RED, lit.section().light());
        assertEquals(null, advice.get(2).urgency(), "advice from a profile answer is general");
    }

    @Test
    void anyListsEveryConditionThatHeld() {
        Advice costs = advise("concerns", "costs", "concerns", "absence-risk", "publicTenders", "yes").stream()
                .filter(a -> a.item().id().equals("costs")).findFirst().orElseThrow();
        assertEquals(List.of("concerns", "publicTenders"), costs.because().stream()
                .map(b -> ((Because.Answered) b).item().id()).toList());
        assertEquals(List.of("costs"), ((Because.Answered) costs.because().get(0)).chosen().stream()
                .map(o -> o.value()).toList(), "only the chosen value that the rule names");
    }

    @Test
    void allNeedsEveryCondition() {
        String[] orangeAlpha = {"alphaOne", "p50", "alphaTwo", "p75", "alphaGate", "dontknow"};
        assertTrue(!ids(advise(orangeAlpha)).contains("tendersAndOrange"));
        String[] withTenders = {"alphaOne", "p50", "alphaTwo", "p75", "alphaGate", "dontknow", "publicTenders", "yes"};
        List<Advice> advice = advise(withTenders);
        assertTrue(ids(advice).contains("tendersAndOrange"), ids(advice).toString());
        Advice both = advice.stream().filter(a -> a.item().id().equals("tendersAndOrange")).findFirst().orElseThrow();
        assertEquals(2, both.because().size());
        assertEquals(Light.ORANGE, both.urgency());
    }

    @Test
    void sectionsNotGreenCountsApplicableSectionsOnly() {
        assertTrue(!ids(advise("clientSites", "no", "alphaOne", "p0", "alphaTwo", "p49", "alphaGate", "no"))
                .contains("severalNotGreen"), "client section not applicable: one section not green");
        List<Advice> advice = advise("clientSites", "yes", "alphaOne", "p0", "alphaTwo", "p49", "alphaGate", "no");
        assertTrue(ids(advice).contains("severalNotGreen"), "alpha red, client incomplete");
    }

    @Test
    void answerToASkippedItemTriggersNothing() {
        assertTrue(!ids(advise("alphaGate", "no", "alphaFollowUp", "p0")).contains("followUpAnswered"));
        assertTrue(ids(advise("alphaGate", "yes", "alphaFollowUp", "p0")).contains("followUpAnswered"));
    }

    @Test
    void ruleNamingAnUnknownItemStopsTheLoad(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("advice"));
        Files.writeString(dir.resolve("advice/broken-v1.yaml"), Files.readString(FIXTURES.resolve("advice/test-advice-v1.yaml"))
                .replace("item: alphaFollowUp", "item: alphaFollow"));
        SeedDataException e = assertThrows(SeedDataException.class, () -> new AdviceLoader(List.of(TEST), TODAY).loadAll(dir));
        assertTrue(e.getMessage().contains("broken-v1.yaml: advice 'followUpAnswered': item 'alphaFollow' is not in"),
                e.getMessage());
    }

    @Test
    void financialAdviceWithoutConditionsOrWithAnUnknownSourceStopsTheLoad(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("advice"));
        String valid = Files.readString(FIXTURES.resolve("advice/test-advice-v1.yaml"));
        Files.writeString(dir.resolve("advice/broken-v1.yaml"),
                valid.replace("    conditions: {nl: \"Voorwaarden\", en: \"Conditions\"}\n", ""));
        assertTrue(assertThrows(SeedDataException.class, () -> new AdviceLoader(List.of(TEST), TODAY).loadAll(dir)).getMessage()
                .contains("advice 'costs': FINANCIAL advice needs 'conditions'"));
        Files.writeString(dir.resolve("advice/broken-v1.yaml"), valid.replace("source: test-source", "source: elsewhere"));
        assertTrue(assertThrows(SeedDataException.class, () -> new AdviceLoader(List.of(TEST), TODAY).loadAll(dir)).getMessage()
                .contains("source 'elsewhere' is not defined under 'sources'"));
    }
}
