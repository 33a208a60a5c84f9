package nl.groenlicht.validation;

import java.util.Optional;

/** Names people type for organisations, sites and accounts. */
public final class Names {

    private Names() {
    }

    /**
     * The name without surrounding spaces, or empty when it cannot be one: blank, longer than {@code maxLength}, or
     * holding control characters or half a surrogate pair (no text; PostgreSQL would store it as "?").
     */
    public static Optional<String> cleaned(String name, int maxLength) {
        String clean = name == null ? "" : name.strip();
        boolean text = clean.codePoints()
                .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE);
        return clean.isEmpty() || clean.length() > maxLength || !text ? Optional.empty() : Optional.of(clean);
    }
}
