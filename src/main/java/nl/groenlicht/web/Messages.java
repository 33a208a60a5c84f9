package nl.groenlicht.web;

import jakarta.inject.Singleton;
import nl.groenlicht.scan.Language;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-facing texts from {@code i18n/messages_<lang>.properties}; {0}, {1}… are replaced by the arguments. */
@Singleton
public class Messages {

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

    public Messages() {
        for (Language language : Language.values()) {
            bundles.put(language, ResourceBundle.getBundle("i18n.messages", language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    public String get(Language language, String key, Object... args) {
        String text;
        try {
            text = bundles.get(language).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no " + language.code() + " text for message key '" + key + "'", e);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    public boolean has(Language language, String key) {
        return bundles.get(language).containsKey(key);
    }

    /** The texts for message keys given by field, in the same order. */
    public Map<String, String> byField(Language language, Map<String, String> keysByField) {
        Map<String, String> texts = new LinkedHashMap<>();
        keysByField.forEach((field, key) -> texts.put(field, get(language, key)));
        return texts;
    }

    public ResourceBundle bundle(Language language) {
        return bundles.get(language);
    }
}
