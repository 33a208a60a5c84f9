package nl.groenlicht.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;

import java.util.Locale;

/**
 * Refuses a body in an encoding the server does not decode: 415 (RFC 9110, 15.5.16). Micronaut decodes gzip, deflate,
 * br and snappy and then drops the header; with any other Content-Encoding (x-unknown, compress, a list) the
 * still-encoded bytes would reach a controller as if they were the JSON or the form.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ContentEncodingFilter {

    @RequestFilter
    public void refuseUnknownEncoding(HttpRequest<?> request) {
        String encoding = request.getHeaders().get(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.trim().toLowerCase(Locale.ROOT).equals("identity")) {
            throw new HttpStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding not supported");
        }
    }
}
