package nl.groenlicht.scan;

import java.util.List;
import java.util.Set;

/** A skip rule: the item or section applies only when {@code itemId} was answered with one of {@code values}. */
public record Condition(String itemId, Set<String> values) {

    public boolean holdsFor(List<String> answerValues) {
        return answerValues.stream().anyMatch(values::contains);
    }
}
