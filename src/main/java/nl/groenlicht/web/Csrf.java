package nl.groenlicht.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.exceptions.HttpStatusException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * CSRF protection for the pages by double submit: a random token in an HttpOnly cookie and the same token in a
 * hidden field of every form. Stateless, so an anonymous visitor costs no server session. The cookie is set only
 * when a page with a form is rendered.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class Csrf {

    public static final String FIELD = "_csrf";
    private static final String COOKIE = "gl_csrf";
    private static final String NEW_TOKEN = "groenlicht.csrf.new";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The token for the forms on the page being rendered, creating one (and its cookie) when needed. */
    public static String token(HttpRequest<?> request) {
        Optional<String> existing = request.getAttribute(NEW_TOKEN, String.class)
                .or(() -> request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> v.length() >= 32));
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.setAttribute(NEW_TOKEN, token);
        return token;
    }

    /** The submitted form, once its CSRF field matches the cookie; 403 otherwise, before anything is read or stored. */
    public static FormData checkedForm(HttpRequest<?> request, String body) {
        FormData form = FormData.parse(body);
        if (!isValid(request, form.first(FIELD))) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "csrf");
        }
        return form;
    }

    /** Whether the submitted form field matches the cookie. */
    public static boolean isValid(HttpRequest<?> request, String submitted) {
        Optional<String> cookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
        return submitted != null && cookie.isPresent() && cookie.get().length() >= 32
                && MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8),
                cookie.get().getBytes(StandardCharsets.UTF_8));
    }

    @ResponseFilter
    public void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(NEW_TOKEN, String.class).ifPresent(token ->
                response.cookie(Cookie.of(COOKIE, token).path("/").httpOnly(true).sameSite(SameSite.Strict)));
    }
}
