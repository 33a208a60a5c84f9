package nl.groenlicht.scoring;

import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanScorerTest {

    private static final Questionnaire TEST = new QuestionnaireLoader()
            .load(Path.of("src/test/resources/fixtures/valid/questionnaires/test-v1.yaml")).questionnaire();

    private final ScanScorer scorer = new ScanScorer();

    private static Answers answers(String... itemValuePairs) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < itemValuePairs.length; i += 2) {
            map.put(itemValuePairs[i], List.of(itemValuePairs[i + 1]));
        }
        return new Answers(map);
    }

    private SectionLight alpha(Answers answers) {
        return scorer.score(TEST, answers).sections().get(0);
    }

    @ParameterizedTest(name = "alpha scored {0} is {1}")
    @CsvSource({"p100, GREEN", "p75, GREEN", "p74, ORANGE", "p50, ORANGE", "p49, RED"})
    void defaultThresholdsDecideTheLight(String value, Light expected) {
        SectionLight light = alpha(answers("alphaOne", value, "alphaTwo", value, "alphaGate", "dontknow"));
        assertEquals(expected, light.light());
    }

    @ParameterizedTest(name = "client scored {0} is {1}")
    @CsvSource({"p100, GREEN", "p75, ORANGE", "p50, ORANGE", "p0, RED"})
    void sectionThresholdsFromTheDataOverrideTheDefault(String value, Light expected) {
        ScanResult result = scorer.score(TEST, answers("clientSites", "yes", "clientOne", value, "clientTwo", value));
        assertEquals(expected, result.sections().get(1).light());
    }

    @Test
    void scoreIsTheWeightedMeanOfAnsweredItems() {
        // alphaOne 100 (weight 1), alphaTwo 50 (1), alphaGate yes 100 (1), alphaFollowUp 49 (weight 3): 397 / 6
        SectionLight light = alpha(answers("alphaOne", "p100", "alphaTwo", "p50", "alphaGate", "yes",
                "alphaFollowUp", "p49"));
        assertEquals(66, light.score());
        assertEquals(Light.ORANGE, light.light());
    }

    @Test
    void knockoutMakesTheSectionRedWhateverTheScore() {
        // alphaTwo p0 is a knock-out; the rest scores 100 with weight 5 of 6.
        SectionLight light = alpha(answers("alphaOne", "p100", "alphaTwo", "p0", "alphaGate", "yes",
                "alphaFollowUp", "p100"));
        assertTrue(light.score() >= 75, "score stays what it is: " + light.score());
        assertEquals(Light.RED, light.light());
        assertEquals(Reason.Kind.KNOCKOUT, light.reasons().get(0).kind());
        assertEquals("alphaTwo", light.reasons().get(0).item().id());
        assertEquals(Readiness.NOT_YET, scorer.score(TEST, answers("alphaOne", "p100", "alphaTwo", "p0",
                "alphaGate", "yes", "alphaFollowUp", "p100")).readiness());
    }

    @Test
    void itemWhoseConditionDoesNotHoldIsLeftOutEvenWhenAnswered() {
        SectionLight light = alpha(answers("alphaOne", "p100", "alphaTwo", "p100", "alphaGate", "no",
                "alphaFollowUp", "p0"));
        // Gate "no" scores 0: (100 + 100 + 0) / 3; the follow-up's 0 with weight 3 would have made it far lower.
        assertEquals(67, light.score());
        assertEquals(3, light.applicable());
        assertTrue(light.reasons().stream().noneMatch(r -> r.item().id().equals("alphaFollowUp")));
    }

    @Test
    void dontKnowIsLeftOutOfTheScoreAndReportedAsAGap() {
        SectionLight light = alpha(answers("alphaOne", "p100", "alphaTwo", "p100", "alphaGate", "dontknow"));
        assertEquals(100, light.score());
        assertEquals(Light.GREEN, light.light());
        assertEquals(List.of("alphaGate"), light.gaps().stream().map(r -> r.item().id()).toList());
        assertEquals(Reason.Kind.DONT_KNOW, light.gaps().get(0).kind());
    }

    @Test
    void fewerThanHalfAnsweredIsIncompleteNeverGreen() {
        // Gate dont-know makes the follow-up not apply: 3 applicable, 1 answered.
        SectionLight light = alpha(answers("alphaOne", "p100", "alphaGate", "dontknow"));
        assertEquals(Light.INCOMPLETE, light.light());
        assertEquals(100, light.score());
        assertEquals(2, light.gaps().size());
    }

    @Test
    void exactlyHalfAnsweredIsScored() {
        SectionLight light = alpha(answers("alphaOne", "p100", "alphaGate", "yes"));
        assertEquals(4, light.applicable());
        assertEquals(2, light.answered());
        assertEquals(Light.GREEN, light.light());
        assertEquals(List.of("alphaTwo", "alphaFollowUp"), light.gaps().stream().map(r -> r.item().id()).toList());
        assertTrue(light.gaps().stream().allMatch(r -> r.kind() == Reason.Kind.UNANSWERED));
    }

    @Test
    void nothingAnsweredIsIncompleteWithoutScore() {
        SectionLight light = alpha(Answers.none());
        assertEquals(Light.INCOMPLETE, light.light());
        assertNull(light.score());
        assertEquals(Readiness.INCOMPLETE, scorer.score(TEST, Answers.none()).readiness());
    }

    @Test
    void sectionWhoseConditionDoesNotHoldIsNotApplicableAndDoesNotCount() {
        ScanResult result = scorer.score(TEST, answers("clientSites", "no", "alphaOne", "p100", "alphaTwo", "p100",
                "alphaGate", "no"));
        assertEquals(Light.NOT_APPLICABLE, result.sections().get(1).light());
        assertEquals(Light.ORANGE, result.sections().get(0).light());
        assertEquals(Readiness.CONDITIONAL, result.readiness());
    }

    @Test
    void readinessIsReadyOnlyWhenAllApplicableLightsAreGreen() {
        String[] allBest = {"clientSites", "yes", "alphaOne", "p100", "alphaTwo", "p100", "alphaGate", "yes",
                "alphaFollowUp", "p100", "clientOne", "p100", "clientTwo", "p100"};
        assertEquals(Readiness.READY, scorer.score(TEST, answers(allBest)).readiness());

        String[] oneOrange = allBest.clone();
        oneOrange[12] = "clientTwo";
        oneOrange[13] = "p50";
        ScanResult conditional = scorer.score(TEST, answers(oneOrange));
        assertEquals(Light.ORANGE, conditional.sections().get(1).light());
        assertEquals(Readiness.CONDITIONAL, conditional.readiness());
        assertEquals(List.of("client"), conditional.holdingBack().stream().map(s -> s.section().id()).toList());
    }

    @Test
    void incompleteSectionMakesReadinessIncompleteUnlessAnotherIsRed() {
        Answers clientOpen = answers("clientSites", "yes", "alphaOne", "p100", "alphaTwo", "p100", "alphaGate", "yes");
        assertEquals(Readiness.INCOMPLETE, scorer.score(TEST, clientOpen).readiness());

        Answers clientOpenAlphaRed = answers("clientSites", "yes", "alphaOne", "p0", "alphaTwo", "p49", "alphaGate", "no");
        assertEquals(Readiness.NOT_YET, scorer.score(TEST, clientOpenAlphaRed).readiness());
    }

    @Test
    void reasonsListKnockoutsThenTheAnswersThatCostMostThenGaps() {
        SectionLight light = alpha(answers("alphaOne", "p75", "alphaTwo", "p0", "alphaGate", "yes",
                "alphaFollowUp", "p50"));
        List<String> order = light.reasons().stream().map(r -> r.kind() + ":" + r.item().id()).toList();
        // Follow-up loses 50 points with weight 3 (150), alphaOne loses 25.
        assertEquals(List.of("KNOCKOUT:alphaTwo", "LOW_SCORE:alphaFollowUp", "LOW_SCORE:alphaOne"), order);
    }
}
