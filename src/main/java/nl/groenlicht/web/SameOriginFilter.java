package nl.groenlicht.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * No state changes from other sites: a POST, PUT, PATCH or DELETE whose {@code Origin} is another origin, or that the
 * browser marks {@code Sec-Fetch-Site: cross-site}, is refused with 403 before it reaches a controller. Besides the
 * CSRF token (pages) and the JSON content type (API), and for the API with HTTP Basic, which browsers attach
 * cross-site. The portal's own origin is {@code groenlicht.public-base-url}; where that is not set, an Origin matches
 * when its host and port are the request's {@code Host}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SameOriginFilter {

    private static final Set<HttpMethod> STATE_CHANGING =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final Optional<String> publicOrigin;
    private final ErrorPages errorPages;

    SameOriginFilter(PublicBaseUrl publicBaseUrl, ErrorPages errorPages) {
        this.errorPages = errorPages;
        String configured = publicBaseUrl.configured();
        this.publicOrigin = configured.isEmpty() ? Optional.empty() : origin(configured);
        if (!configured.isEmpty() && publicOrigin.isEmpty()) {
            throw new IllegalArgumentException("groenlicht.public-base-url must be an absolute http(s) URL, such as "
                    + "https://groenlicht.example.nl");
        }
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseOtherSites(HttpRequest<?> request) {
        if (!changesState(request)) {
            return null;
        }
        boolean crossSite = request.getHeaders().findFirst("Sec-Fetch-Site")
                .map(site -> site.strip().equalsIgnoreCase("cross-site")).orElse(false);
        boolean foreignOrigin = request.getHeaders().findFirst("Origin").map(o -> !isOwn(o, request)).orElse(false);
        if (!crossSite && !foreignOrigin) {
            return null;
        }
        if (request.getPath().startsWith("/api/")) {
            return ApiError.of(HttpStatus.FORBIDDEN, "Requests from other sites are not accepted.");
        }
        return errorPages.page(request, HttpStatus.FORBIDDEN);
    }

    /** POST, PUT, PATCH and DELETE: the methods that may change something. */
    static boolean changesState(HttpRequest<?> request) {
        return STATE_CHANGING.contains(request.getMethod());
    }

    private boolean isOwn(String origin, HttpRequest<?> request) {
        Optional<String> given = origin(origin);
        if (given.isEmpty()) {
            return false;
        }
        if (publicOrigin.isPresent()) {
            return publicOrigin.equals(given);
        }
        // Only host and port are compared: behind a proxy that is not trusted, the portal cannot know the scheme.
        String scheme = given.get().substring(0, given.get().indexOf("://"));
        return request.getHeaders().findFirst("Host").flatMap(host -> origin(scheme + "://" + host.strip()))
                .equals(given);
    }

    /** scheme://host[:port] in lower case, without a default port; empty for anything else (such as "null"). */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            int defaultPort = scheme.equals("https") ? 443 : 80;
            String port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
