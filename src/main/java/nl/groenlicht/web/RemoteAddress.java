package nl.groenlicht.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address a request came from, for the audit log, login throttling and the limits on anonymous work. Behind a
 * reverse proxy every request comes from the proxy, so the client is read from {@code X-Forwarded-For}, but only when
 * the request really came from a proxy named in {@code groenlicht.trusted-proxies}: anyone else could write any address
 * there. The client is the rightmost address in the header that is not itself a trusted proxy. Resolved before the
 * security filter, which throttles and audits HTTP Basic logins by this address.
 * <p>
 * Likewise a request counts as HTTPS when its socket is TLS, or when a trusted proxy says so in
 * {@code X-Forwarded-Proto}: the proxy terminates TLS and talks plain HTTP to the portal.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RemoteAddress implements Ordered {

    private static final String ATTRIBUTE = "groenlicht.remote-address";
    private static final String HTTPS = "groenlicht.https";
    /** Only IP literals: anything else in the header is ignored, and never looked up. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final Set<String> trustedProxies;

    RemoteAddress(@Value("${groenlicht.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> socketAddress(request));
    }

    /** Whether the browser reached the portal over HTTPS, directly or through a trusted proxy. */
    public static boolean isHttps(HttpRequest<?> request) {
        return request.getAttribute(HTTPS, Boolean.class).orElseGet(request::isSecure);
    }

    @RequestFilter
    public void resolve(HttpRequest<?> request) {
        String socket = socketAddress(request);
        request.setAttribute(ATTRIBUTE, client(socket, request.getHeaders().getAll("X-Forwarded-For"), trustedProxies));
        request.setAttribute(HTTPS, request.isSecure() || trustedProxies.contains(socket)
                && request.getHeaders().findFirst("X-Forwarded-Proto")
                .map(proto -> proto.split(",")[0].strip().equalsIgnoreCase("https")).orElse(false));
    }

    /** The client behind {@code socket}, given the request's X-Forwarded-For headers and the proxies trusted. */
    static String client(String socket, List<String> forwardedFor, Set<String> trustedProxies) {
        if (!trustedProxies.contains(socket)) {
            return socket;
        }
        List<String> hops = forwardedFor.stream().flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip).toList();
        String client = socket;
        for (int i = hops.size() - 1; i >= 0 && trustedProxies.contains(client); i--) {
            if (!IP_LITERAL.matcher(hops.get(i)).matches()) {
                break;
            }
            client = hops.get(i);
        }
        return client;
    }

    private static String socketAddress(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
