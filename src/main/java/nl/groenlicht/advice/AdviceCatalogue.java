package nl.groenlicht.advice;

import java.util.List;
import java.util.Optional;

/** All advice, in the order of the seed data. */
public record AdviceCatalogue(List<AdviceItem> items) {

    public Optional<AdviceItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
