package nl.groenlicht.scan;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One question. {@code help} and {@code condition} may be null. A scored item has a score on every option
 * that is not don't-know; TEXT and profile items are never scored.
 */
public record Item(String id, Text text, Text help, AnswerType type, List<AnswerOption> options, int weight,
                   Set<String> knockoutValues, Condition condition, boolean required, boolean scored) {

    public Optional<AnswerOption> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    public int maxScore() {
        return options.stream().filter(o -> o.score() != null).mapToInt(AnswerOption::score).max().orElse(0);
    }

    public boolean isKnockout(String value) {
        return knockoutValues.contains(value);
    }
}
