package nl.groenlicht.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads a request body as one JSON object, strictly: nothing may follow it. Bodies are parsed here rather than bound
 * by the framework so that every wrong body gets a clear message of our own.
 */
@Singleton
public class JsonBodies {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonMapper mapper;

    JsonBodies(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** A body that cannot be used; the message is meant for the API client. */
    public static final class BadBody extends RuntimeException {
        public BadBody(String message) {
            super(message);
        }
    }

    /** A field that must be a string when present; null when absent. */
    public static String string(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value != null && !value.isString()) {
            throw new BadBody("'" + field + "' must be a string.");
        }
        return value == null ? null : value.getStringValue();
    }

    public JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadBody("The request needs a JSON object as its body.");
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            parser.nextToken();
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new BadBody("The body must hold one JSON value and nothing after it.");
            }
        } catch (IOException e) {
            throw new BadBody("The body is not valid JSON.");
        }
        JsonNode root;
        try {
            root = mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new BadBody("The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new BadBody("The body must be a JSON object.");
        }
        return root;
    }
}
