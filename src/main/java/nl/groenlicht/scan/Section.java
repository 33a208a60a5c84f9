package nl.groenlicht.scan;

import java.util.List;

/** A part of the scan that gets its own light. {@code intro} and {@code condition} may be null. */
public record Section(String id, Text title, Text intro, Thresholds thresholds, Condition condition,
                      List<Item> items) {

    public List<Item> scoredItems() {
        return items.stream().filter(Item::scored).toList();
    }
}
