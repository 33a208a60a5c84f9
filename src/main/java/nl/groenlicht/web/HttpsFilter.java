package nl.groenlicht.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;
import java.util.Locale;

/**
 * Over HTTPS (see {@link RemoteAddress#isHttps}) every cookie the portal sets is {@code Secure}, whoever set it (the
 * session, the CSRF value, the scan tokens, the language, and any cookie added later), and the browser is told to
 * use HTTPS only from now on (HSTS). The outermost filter, so that its response part sees every other filter's cookies.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class HttpsFilter implements Ordered {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @ResponseFilter
    public void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!RemoteAddress.isHttps(request)) {
            return;
        }
        response.header("Strict-Transport-Security", HSTS);
        List<String> cookies = response.getHeaders().getAll(HttpHeaders.SET_COOKIE);
        if (cookies.isEmpty()) {
            return;
        }
        response.getHeaders().remove(HttpHeaders.SET_COOKIE);
        cookies.forEach(cookie -> response.getHeaders().add(HttpHeaders.SET_COOKIE, secure(cookie)));
    }

    static String secure(String setCookie) {
        boolean marked = List.of(setCookie.split(";")).stream().skip(1)
                .anyMatch(attribute -> attribute.strip().toLowerCase(Locale.ROOT).equals("secure"));
        return marked ? setCookie : setCookie + "; Secure";
    }
}
