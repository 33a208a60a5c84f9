package nl.groenlicht.support;

import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.Item;

import java.util.Comparator;
import java.util.List;

/** The best and worst answers to a scored item, read from the questionnaire itself. */
public final class Options {

    private static final Comparator<AnswerOption> BY_SCORE = Comparator.comparingInt(AnswerOption::score);

    private Options() {
    }

    public static String best(Item item) {
        return item.options().stream().filter(o -> o.score() != null).max(BY_SCORE).orElseThrow().value();
    }

    public static String worst(Item item) {
        return item.options().stream().filter(o -> o.score() != null).min(BY_SCORE).orElseThrow().value();
    }

    /** The scored option halfway between the worst and the best (of an even number, the better of the two). */
    public static String middle(Item item) {
        List<AnswerOption> scored = item.options().stream().filter(o -> o.score() != null).sorted(BY_SCORE).toList();
        return scored.get(scored.size() / 2).value();
    }
}
