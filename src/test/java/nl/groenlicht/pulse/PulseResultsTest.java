package nl.groenlicht.pulse;

import nl.groenlicht.scan.Thresholds;
import nl.groenlicht.scoring.Light;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only whole batches of k are ever counted, so no two views of a pulse differ by fewer than k answers. */
class PulseResultsTest {

    private static final PulseDefinition PULSE = new PulseLoader(Set.of("cohesion", "colleagues"))
            .load(Path.of("src/test/resources/fixtures/valid/pulse/test-pulse-v1.yaml"));
    private static final Map<String, Thresholds> THRESHOLDS = Map.of("cohesion", Thresholds.DEFAULT,
            "colleagues", Thresholds.DEFAULT);

    /** Every statement answered with the same value. */
    private static Map<String, String> all(String value) {
        Map<String, String> values = new HashMap<>();
        PULSE.statements().forEach(s -> values.put(s.id(), value));
        return values;
    }

    private static List<PulseResults.Response> arriving(List<Map<String, String>> answers, int k) {
        List<PulseResults.Response> responses = new ArrayList<>();
        for (Map<String, String> values : answers) {
            responses.add(new PulseResults.Response(PulseResults.batchOf(responses.size(), k), values));
        }
        return responses;
    }

    @Test
    void nothingIsShownBelowTheMinimumAndTheCountStillNeededIsSaid() {
        PulseResults.Summary four = PulseResults.summarise(PULSE, 5, arriving(List.of(all("4"), all("4"), all("4"),
                all("4")), 5), THRESHOLDS);
        assertFalse(four.shown());
        assertEquals(List.of(), four.statements());
        assertEquals(List.of(), four.sections());
        assertEquals(1, four.needed());
        assertEquals(4, four.received());
    }

    @Test
    void theFifthAnswerShowsSectionLightsFromTheSectionThresholds() {
        // Agreeing fully with the positive statements and not at all with the two negative ones: every score 100.
        Map<String, String> best = all("5");
        best.put("lingeringTension", "1");
        best.put("jokesAboutMentalHealth", "1");
        PulseResults.Summary five = PulseResults.summarise(PULSE, 5,
                arriving(List.of(best, best, best, best, best), 5), THRESHOLDS);
        assertTrue(five.shown());
        assertEquals(5, five.published());
        assertEquals(List.of(new PulseResults.SectionResult("cohesion", 100, Light.GREEN),
                new PulseResults.SectionResult("colleagues", 100, Light.GREEN)), five.sections());
        // "Agree" (75) on everything: the two negative statements score 25. Cohesion (75+75+25+75)/4 = 62.5 -> 63;
        // colleagues (2*75+75+75+25)/5 = 65: both orange.
        PulseResults.Summary agree = PulseResults.summarise(PULSE, 5, arriving(List.of(all("4"), all("4"), all("4"),
                all("4"), all("4")), 5), THRESHOLDS);
        assertEquals(List.of(new PulseResults.SectionResult("cohesion", 63, Light.ORANGE),
                new PulseResults.SectionResult("colleagues", 65, Light.ORANGE)), agree.sections());
    }

    @Test
    void theSixthToNinthAnswersChangeNoFigureAndTheTenthShowsTheNextBatch() {
        List<Map<String, String>> answers = new ArrayList<>(List.of(all("3"), all("3"), all("3"), all("3"), all("3")));
        PulseResults.Summary atFive = PulseResults.summarise(PULSE, 5, arriving(answers, 5), THRESHOLDS);
        for (int n = 6; n <= 9; n++) {
            answers.add(all("1"));
            PulseResults.Summary later = PulseResults.summarise(PULSE, 5, arriving(answers, 5), THRESHOLDS);
            assertEquals(atFive.sections(), later.sections(), "at " + n + " answers");
            assertEquals(atFive.statements(), later.statements(), "at " + n + " answers");
            assertEquals(10 - n, later.needed());
        }
        answers.add(all("1"));
        PulseResults.Summary atTen = PulseResults.summarise(PULSE, 5, arriving(answers, 5), THRESHOLDS);
        assertEquals(10, atTen.published());
        assertNotEquals(atFive.sections(), atTen.sections());
    }

    /**
     * The differencing property over random arrivals: between any two moments, the responses counted by one view and
     * not by the other number 0 or at least k, for every statement and section figure.
     */
    @Test
    void anyTwoViewsDifferByZeroOrAtLeastKResponses() {
        Random random = new Random(18);
        for (int k : List.of(5, 6, 7)) {
            List<Map<String, String>> answers = new ArrayList<>();
            List<Integer> counted = new ArrayList<>();
            for (int n = 0; n <= 40; n++) {
                counted.add(PulseResults.summarise(PULSE, k, arriving(answers, k), THRESHOLDS).published());
                answers.add(all(String.valueOf(1 + random.nextInt(5))));
            }
            for (int a = 0; a < counted.size(); a++) {
                for (int b = a + 1; b < counted.size(); b++) {
                    int difference = counted.get(b) - counted.get(a);
                    assertTrue(difference == 0 || difference >= k, "k " + k + ", views at " + a + " and " + b
                            + " answers differ by " + difference);
                    assertEquals(0, counted.get(b) % k);
                }
            }
        }
    }
}
