package nl.groenlicht.advice;

import java.util.Map;

/**
 * What one team said in its latest pulse with published figures: its score per questionnaire section (0–100), over
 * {@code answers} respondents (always at least the pulse's minimum).
 */
public record TeamSays(String team, int round, int answers, Map<String, Integer> sectionScores) {
}
