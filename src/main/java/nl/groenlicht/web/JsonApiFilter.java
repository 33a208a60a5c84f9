package nl.groenlicht.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Optional;

/**
 * A state-changing API request must say that it sends JSON. Micronaut takes a body without a Content-Type for JSON,
 * and a browser sends such a body cross-site without asking first (no CORS preflight); with
 * {@code Content-Type: application/json} it must ask, and the portal allows no other origin. A DELETE without a body
 * needs no type.
 */
@ServerFilter("/api/**")
public class JsonApiFilter {

    @RequestFilter
    @Nullable
    public HttpResponse<?> requireJson(HttpRequest<?> request) {
        if (!SameOriginFilter.changesState(request) || request.getMethod() == HttpMethod.DELETE && !hasBody(request)
                || isJson(request)) {
            return null;
        }
        return ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "This request needs the header Content-Type: application/json.");
    }

    private static boolean isJson(HttpRequest<?> request) {
        Optional<MediaType> type = request.getContentType();
        return type.isPresent() && type.get().getName().equalsIgnoreCase(MediaType.APPLICATION_JSON);
    }

    private static boolean hasBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
