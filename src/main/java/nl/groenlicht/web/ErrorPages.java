package nl.groenlicht.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import nl.groenlicht.scan.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Map;

/**
 * Every error answer: JSON under /api (and /prometheus), an HTML page elsewhere; a clear message, never a stack trace.
 * Unexpected failures are logged with their detail and shown as a plain 500.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
public class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final Messages messages;
    private final FreemarkerViewsRenderer<Map<String, Object>> renderer;

    ErrorPages(Messages messages, FreemarkerViewsRenderer<Map<String, Object>> renderer) {
        this.messages = messages;
        this.renderer = renderer;
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        return respond(request, HttpStatus.NOT_FOUND);
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    HttpResponse<?> unsupportedMediaType(HttpRequest<?> request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Error(global = true, exception = HttpStatusException.class)
    HttpResponse<?> status(HttpRequest<?> request, HttpStatusException e) {
        return respond(request, e.getStatus());
    }

    /**
     * Not logged in: the API asks for credentials (401), pages send the visitor to the login page.
     * Logged in without the right role: 403.
     */
    @Error(global = true, exception = AuthorizationException.class)
    HttpResponse<?> notAllowed(HttpRequest<?> request, AuthorizationException e) {
        if (e.isForbidden()) {
            return respond(request, HttpStatus.FORBIDDEN);
        }
        if (isApi(request)) {
            return respond(request, HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE,
                    "Basic realm=\"Groenlicht\", charset=\"UTF-8\"");
        }
        return HttpResponse.seeOther(URI.create("/login"));
    }

    @Error(global = true, exception = ContentLengthExceededException.class)
    HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    @Error(global = true, exception = ConversionErrorException.class)
    HttpResponse<?> conversion(HttpRequest<?> request) {
        return respond(request, HttpStatus.BAD_REQUEST);
    }

    @Error(global = true, exception = UnsatisfiedRouteException.class)
    HttpResponse<?> unsatisfied(HttpRequest<?> request) {
        return respond(request, HttpStatus.BAD_REQUEST);
    }

    @Error(global = true)
    HttpResponse<?> unexpected(HttpRequest<?> request, Throwable e) {
        // A resume link's path is its private token: the log gets the route, not the key.
        LOG.error("Unexpected failure on {} {}", request.getMethod(),
                request.getPath().replaceFirst("^/resume/.*", "/resume/…"), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /** Machines' addresses: the JSON API and the metrics a Prometheus scraper reads (which logs in with Basic). */
    private static boolean isApi(HttpRequest<?> request) {
        return request.getPath().startsWith("/api/") || request.getPath().equals("/prometheus");
    }

    private MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status) {
        String key = "httpError." + status.getCode();
        if (isApi(request)) {
            return ApiError.of(status, messages.get(Language.EN, key));
        }
        // Rendered here rather than through the views filter: the failure may have come from that filter.
        String html;
        try {
            html = renderer.renderToString("error", Map.of("status", status.getCode(), "messageKey", key), request);
        } catch (RuntimeException e) {
            LOG.error("The error page itself failed", e);
            html = messages.get(LanguageFilter.of(request), key);
        }
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML + ";charset=UTF-8").body(html);
    }
}
