package nl.groenlicht.scan;

/**
 * How a question of one questionnaire version stands to the question with the same id in another version. Trend and
 * comparison match questions by id across versions; they say so where the wording, options or scoring differ, or
 * where the other version did not ask the question at all.
 */
public enum QuestionChange {
    SAME, CHANGED, NEW;

    /** {@code item} as it is in its own version, against {@code other}. */
    public static QuestionChange of(Item item, Questionnaire other) {
        return other.item(item.id()).map(o -> o.equals(item) ? SAME : CHANGED).orElse(NEW);
    }
}
