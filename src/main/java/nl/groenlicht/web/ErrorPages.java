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
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import nl.groenlicht.scan.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Every error answer: JSON under /api (and /prometheus), an HTML page elsewhere; a clear message, never a stack trace.
 * Unexpected failures are logged with their detail and shown as a plain 500. Refused requests are not logged: anyone
 * can send millions of them.
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

    /**
     * A request line or headers longer than the server reads (Netty's limits, 4096 and 8192 bytes), e.g. a link with a
     * 10,000-character {@code ?lang=}. Micronaut hands such a request on as "/bad-request" with status 413 (no
     * controller answers 413 itself); running this status route meets Netty's exception, handled below.
     */
    @Error(global = true, status = HttpStatus.REQUEST_ENTITY_TOO_LARGE)
    HttpResponse<?> unreadable(HttpRequest<?> request) {
        return respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    @Error(global = true, exception = TooLongFrameException.class)
    HttpResponse<?> tooLong(HttpRequest<?> request, TooLongFrameException e) {
        HttpStatus status = e instanceof TooLongHttpLineException ? HttpStatus.REQUEST_URI_TOO_LONG
                : e instanceof TooLongHttpHeaderException ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        return respond(request, status);
    }

    /**
     * An address that is no URI ({@code /%}, {@code /scans/%zz}, a {@code |}). Micronaut hands such a request on as
     * "/", so the API is recognised from the address as sent; that address is not logged (it may hold a resume token).
     */
    @Error(global = true, exception = URISyntaxException.class)
    HttpResponse<?> malformedUri(HttpRequest<?> request, URISyntaxException e) {
        String sent = e.getInput() == null ? "" : e.getInput();
        return respond(request, HttpStatus.BAD_REQUEST, sent.startsWith("/api/") || sent.equals("/prometheus"));
    }

    /** A body that does not decompress as its Content-Encoding says (gzip, deflate, snappy, br). */
    @Error(global = true, exception = DecompressionException.class)
    HttpResponse<?> undecompressable(HttpRequest<?> request) {
        return respond(request, HttpStatus.BAD_REQUEST);
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
        LOG.error("Unexpected failure on {} {}", request.getMethod(), LogText.path(request), LogText.safe(e));
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /** Machines' addresses: the JSON API and the metrics a Prometheus scraper reads (which logs in with Basic). */
    private static boolean isApi(HttpRequest<?> request) {
        return request.getPath().startsWith("/api/") || request.getPath().equals("/prometheus");
    }

    private MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status) {
        return respond(request, status, isApi(request));
    }

    /** The HTML error page, for filters that refuse a page request before any route runs. */
    MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status) {
        return respond(request, status, false);
    }

    /**
     * The API's messages are in English unless the request asks {@code ?lang=nl}; pages follow the page language.
     * A status without a text of its own gets the general text of its class (4xx or 5xx), so this never fails.
     */
    private MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, boolean api) {
        String key = messageKey(status);
        if (api) {
            Language language = Language.parse(request.getParameters().getFirst("lang").orElse(null)).orElse(Language.EN);
            return ApiError.of(status, messages.get(language, key, status.getCode()));
        }
        // Rendered here rather than through the views filter: the failure may have come from that filter.
        String html;
        try {
            html = renderer.renderToString("error", Map.of("status", status.getCode(), "messageKey", key), request);
        } catch (RuntimeException e) {
            LOG.error("The error page itself failed", LogText.safe(e));
            html = messages.get(LanguageFilter.of(request), key, status.getCode());
        }
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML + ";charset=UTF-8").body(html);
    }

    private String messageKey(HttpStatus status) {
        String own = "httpError." + status.getCode();
        // Both bundles hold the same keys (MessageBundlesTest), so one language decides for both.
        if (messages.has(Language.DEFAULT, own) && messages.has(Language.DEFAULT, own + ".title")) {
            return own;
        }
        return status.getCode() < 500 ? "httpError.4xx" : "httpError.5xx";
    }
}
