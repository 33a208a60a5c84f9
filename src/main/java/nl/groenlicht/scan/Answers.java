package nl.groenlicht.scan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers given in one scan, by item id. Every answer is a list of values: one for most types, any number
 * for MULTI, the typed text for TEXT.
 */
public final class Answers {

    private final Map<String, List<String>> values;

    public Answers(Map<String, List<String>> values) {
        this.values = Map.copyOf(values);
    }

    public static Answers none() {
        return new Answers(Map.of());
    }

    public List<String> values(String itemId) {
        return values.getOrDefault(itemId, List.of());
    }

    public Optional<String> single(String itemId) {
        return values(itemId).stream().findFirst();
    }

    public boolean has(String itemId) {
        return !values(itemId).isEmpty();
    }

    public Map<String, List<String>> asMap() {
        return values;
    }

    /** These answers with {@code changes} laid over them; later answers replace earlier ones, no values clear one. */
    public Answers with(Map<String, List<String>> changes) {
        Map<String, List<String>> merged = new LinkedHashMap<>(values);
        changes.forEach((itemId, changed) -> {
            if (changed.isEmpty()) {
                merged.remove(itemId);
            } else {
                merged.put(itemId, changed);
            }
        });
        return new Answers(merged);
    }
}
