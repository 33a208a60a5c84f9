package nl.groenlicht.scan;

/**
 * One answer a user can pick. {@code score} is null for unscored (profile) options and for the
 * don't-know option, which counts as a gap rather than a score.
 */
public record AnswerOption(String value, Text label, Integer score, boolean dontKnow) {
}
