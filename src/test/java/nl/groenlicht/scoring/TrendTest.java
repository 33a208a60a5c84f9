package nl.groenlicht.scoring;

import org.junit.jupiter.api.Test;

import static nl.groenlicht.scoring.Light.GREEN;
import static nl.groenlicht.scoring.Light.INCOMPLETE;
import static nl.groenlicht.scoring.Light.NOT_APPLICABLE;
import static nl.groenlicht.scoring.Light.ORANGE;
import static nl.groenlicht.scoring.Light.RED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TrendTest {

    @Test
    void aBetterLightIsBetterEvenWithALowerScore() {
        assertEquals(Trend.BETTER, Trend.between(RED, 74, ORANGE, 60));
        assertEquals(Trend.WORSE, Trend.between(GREEN, 80, ORANGE, 95));
    }

    @Test
    void theScoreDecidesUnderTheSameLight() {
        assertEquals(Trend.BETTER, Trend.between(ORANGE, 55, ORANGE, 70));
        assertEquals(Trend.WORSE, Trend.between(GREEN, 100, GREEN, 90));
        assertEquals(Trend.SAME, Trend.between(RED, 20, RED, 20));
    }

    @Test
    void withoutARealLightOnEitherSideThereIsNoTrend() {
        assertEquals(Trend.UNKNOWN, Trend.between(INCOMPLETE, null, GREEN, 90));
        assertEquals(Trend.UNKNOWN, Trend.between(RED, 10, NOT_APPLICABLE, null));
    }
}
