package nl.groenlicht.scan;

import java.util.Locale;
import java.util.Optional;

/** The languages every user-facing text exists in; Dutch first. */
public enum Language {
    NL, EN;

    public static final Language DEFAULT = NL;

    public static Optional<Language> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "nl" -> Optional.of(NL);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }
}
