package nl.groenlicht.scoring;

import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.Item;

/**
 * An answer (or missing answer) that pulled a section's light down. {@code answer} is null when the item was not
 * answered.
 */
public record Reason(Kind kind, Item item, AnswerOption answer) {

    public enum Kind {
        /** The answer forces the section red. */
        KNOCKOUT,
        /** The answer scores below the best answer to this item. */
        LOW_SCORE,
        /** "Don't know": left out of the score, a gap. */
        DONT_KNOW,
        /** Not answered: left out of the score, a gap. */
        UNANSWERED
    }
}
