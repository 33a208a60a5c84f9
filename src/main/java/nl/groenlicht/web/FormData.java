package nl.groenlicht.web;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A submitted HTML form: every field with all its values (checkboxes repeat a name). */
public record FormData(Map<String, List<String>> fields) {

    public static FormData parse(String body) {
        QueryStringDecoder decoder = new QueryStringDecoder(body == null ? "" : body, StandardCharsets.UTF_8, false,
                1024);
        return new FormData(decoder.parameters());
    }

    public String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a field, or "" when the form did not send it: what a re-rendered field shows. */
    public String text(String name) {
        String value = first(name);
        return value == null ? "" : value;
    }

    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }
}
