package nl.groenlicht.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import nl.groenlicht.scan.Language;
import nl.groenlicht.validation.InvalidFieldsException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one shape of every JSON error: {@code {"errors":[{"item"?, "message"}]}}. */
public final class ApiError {

    private ApiError() {
    }

    public static MutableHttpResponse<Map<String, Object>> of(HttpStatus status, String message) {
        return HttpResponse.<Map<String, Object>>status(status).body(Map.of("errors", List.of(Map.of("message", message))));
    }

    /** The same answer for an unknown scan and a wrong token: it never reveals that a scan exists. */
    public static MutableHttpResponse<Map<String, Object>> scanNotFound() {
        return of(HttpStatus.NOT_FOUND, "No scan with this id and token.");
    }

    /** Refused fields, with their English messages. */
    public static MutableHttpResponse<Map<String, Object>> ofFields(Messages messages, InvalidFieldsException e) {
        return ofItems(HttpStatus.BAD_REQUEST, List.copyOf(messages.byField(Language.EN, e.problems()).entrySet()));
    }

    public static MutableHttpResponse<Map<String, Object>> ofItems(HttpStatus status, List<Map.Entry<String, String>> itemMessages) {
        return HttpResponse.<Map<String, Object>>status(status).body(Map.of("errors", errors(itemMessages)));
    }

    /** Refused items, cut short: a last error without an item, {@code more}, tells what was left out. */
    public static MutableHttpResponse<Map<String, Object>> ofItems(HttpStatus status, List<Map.Entry<String, String>> itemMessages,
                                                                   String more) {
        List<Map<String, String>> errors = new ArrayList<>(errors(itemMessages));
        errors.add(Map.of("message", more));
        return HttpResponse.<Map<String, Object>>status(status).body(Map.of("errors", errors));
    }

    private static List<Map<String, String>> errors(List<Map.Entry<String, String>> itemMessages) {
        return itemMessages.stream().map(e -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("item", e.getKey());
            error.put("message", e.getValue());
            return error;
        }).toList();
    }
}
