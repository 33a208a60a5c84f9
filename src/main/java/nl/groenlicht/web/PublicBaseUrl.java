package nl.groenlicht.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Where the portal is reached, for the private links it hands out (resume and invitation links): the configured
 * {@code groenlicht.public-base-url} (production sets it, e.g. {@code https://werkplekscan.example.nl}). Never
 * X-Forwarded-Host or Forwarded: a client could write any host there, and a link with a forged host sends its token to
 * someone else's server (issue 16, L-3). Without the setting, the Host header the browser sent.
 */
@Singleton
public class PublicBaseUrl {

    private final String configured;

    PublicBaseUrl(@Nullable @Value("${groenlicht.public-base-url:}") String configured) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
    }

    /** The configured address without a trailing slash; empty when the setting is not given. */
    public String configured() {
        return configured;
    }

    /** The address without a trailing slash, e.g. {@code https://werkplekscan.example.nl}. */
    public String of(HttpRequest<?> request) {
        if (!configured.isEmpty()) {
            return configured;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null || host.isBlank()) {
            host = request.getServerAddress().getHostString() + ":" + request.getServerAddress().getPort();
        }
        return (RemoteAddress.isHttps(request) ? "https://" : "http://") + host;
    }
}
