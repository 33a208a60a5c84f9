package nl.groenlicht.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.session.Session;
import io.micronaut.session.http.SessionForRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * CSRF protection for the pages. The browser holds a random value of its own in an HttpOnly cookie; every form
 * carries {@code HMAC(secret, that value and the staff session id)}. A cookie planted by someone else (a sibling
 * subdomain, or a plain-HTTP response) is useless without a token the server signed for it, and a staff member's
 * token is good only for their own session. Stateless, so an anonymous visitor costs no server session; the cookie
 * is set only when a page with a form is rendered.
 * <p>
 * Every instance must sign with the same secret ({@code groenlicht.csrf.secret}): without one, a random secret is made
 * at start, and tokens from a page of one instance are refused by another (and by the same one after a restart).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class Csrf implements Ordered {

    public static final String FIELD = "_csrf";
    /** Over HTTPS the browser accepts this name only from this host, with Secure, for path / (no cookie tossing). */
    private static final String HTTPS_COOKIE = "__Host-gl_csrf";
    private static final String HTTP_COOKIE = "gl_csrf";
    private static final String NEW_VISITOR = "groenlicht.csrf.new";
    private static final String SIGNER = "groenlicht.csrf.signer";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    Csrf(@Value("${groenlicht.csrf.secret:}") String secret) {
        byte[] bytes = secret.isBlank() ? randomBytes() : secret.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The token for the forms on the page being rendered, creating this browser's value (and its cookie) when needed. */
    public static String token(HttpRequest<?> request) {
        String visitor = visitor(request).orElseGet(() -> {
            String created = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
            request.setAttribute(NEW_VISITOR, created);
            return created;
        });
        return signer(request).sign(visitor, request);
    }

    /** The submitted form, once its CSRF field is the token for this browser; 403 otherwise, before anything is read. */
    public static FormData checkedForm(HttpRequest<?> request, String body) {
        FormData form = FormData.parse(body);
        if (!isValid(request, form.first(FIELD))) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "csrf");
        }
        return form;
    }

    /** Whether the submitted form field is the token signed for this browser's cookie (and staff session). */
    public static boolean isValid(HttpRequest<?> request, String submitted) {
        Optional<String> visitor = request.getCookies().findCookie(cookieName(request)).map(Cookie::getValue)
                .filter(v -> v.length() >= 32);
        return submitted != null && visitor.isPresent() && MessageDigest.isEqual(
                submitted.getBytes(StandardCharsets.UTF_8),
                signer(request).sign(visitor.get(), request).getBytes(StandardCharsets.UTF_8));
    }

    /** Early: the signer is there for every page, error pages too; the cookie is set after the page is rendered. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    public void offerSigner(HttpRequest<?> request) {
        request.setAttribute(SIGNER, this);
    }

    @ResponseFilter
    public void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(NEW_VISITOR, String.class).ifPresent(visitor -> response.cookie(
                Cookie.of(cookieName(request), visitor).path("/").httpOnly(true).sameSite(SameSite.Strict)));
    }

    private static Optional<String> visitor(HttpRequest<?> request) {
        return request.getAttribute(NEW_VISITOR, String.class).or(() -> request.getCookies()
                .findCookie(cookieName(request)).map(Cookie::getValue).filter(v -> v.length() >= 32));
    }

    private static String cookieName(HttpRequest<?> request) {
        return RemoteAddress.isHttps(request) ? HTTPS_COOKIE : HTTP_COOKIE;
    }

    private static Csrf signer(HttpRequest<?> request) {
        return request.getAttribute(SIGNER, Csrf.class)
                .orElseThrow(() -> new IllegalStateException("the CSRF filter did not run"));
    }

    private String sign(String visitor, HttpRequest<?> request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(visitor.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(staff(request).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whom a logged-in token belongs to: the staff session, else (HTTP Basic) the account; nobody for visitors. */
    private static String staff(HttpRequest<?> request) {
        Optional<Principal> principal = request.getUserPrincipal();
        if (principal.isEmpty()) {
            return "";
        }
        return SessionForRequest.find(request).map(Session::getId).map(id -> "session:" + id)
                .orElseGet(() -> "account:" + principal.get().getName());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
