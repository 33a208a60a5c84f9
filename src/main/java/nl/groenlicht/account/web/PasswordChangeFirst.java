package nl.groenlicht.account.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import nl.groenlicht.account.StaffLogin;
import nl.groenlicht.web.ApiError;
import nl.groenlicht.web.StaticAssets;

import java.net.URI;
import java.util.Set;

/**
 * Whoever logged in with a password an administrator set (a new coach, a reset) chooses their own before anything
 * else (issue 16, M-9): every staff page sends them to the change page, and the API answers 403 except for the change.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PasswordChangeFirst implements Ordered {

    private static final Set<String> OPEN = Set.of(AccountPasswordController.PAGE, AccountPasswordController.API,
            "/logout");

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> changeFirst(HttpRequest<?> request) {
        boolean mustChange = request.getUserPrincipal(Authentication.class)
                .map(a -> Boolean.TRUE.equals(a.getAttributes().get(StaffLogin.MUST_CHANGE_PASSWORD))).orElse(false);
        String path = request.getPath();
        if (!mustChange || OPEN.contains(path) || path.startsWith("/static/") || path.startsWith(StaticAssets.PREFIX)) {
            return null;
        }
        if (path.startsWith("/api/")) {
            return ApiError.of(HttpStatus.FORBIDDEN, "Change the password an administrator set first: "
                    + "PUT " + AccountPasswordController.API + " {\"currentPassword\", \"newPassword\"}.");
        }
        return HttpResponse.seeOther(URI.create(AccountPasswordController.PAGE));
    }
}
