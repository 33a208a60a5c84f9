package nl.groenlicht.account.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import nl.groenlicht.account.AuditLog;
import nl.groenlicht.web.RemoteAddress;
import nl.groenlicht.web.StaticAssets;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/**
 * Every page, report and export a logged-in staff member opened, and every change they made, lands in the audit log:
 * who, what (method and path, never the answers), when and from where, before the answer leaves. Refused requests are
 * left out: the login records failed attempts, and a 404 names nothing that exists. Only a staff request goes to the
 * blocking pool for the write; the others (visitors, static files) no longer pay that thread hop.
 */
@ServerFilter(value = StaticAssets.OUTSIDE_ASSETS, patternStyle = FilterPatternStyle.REGEX)
class StaffAuditFilter {

    private final AuditLog audit;
    private final ExecutorService blocking;

    StaffAuditFilter(AuditLog audit, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.audit = audit;
        this.blocking = blocking;
    }

    @ResponseFilter
    CompletionStage<MutableHttpResponse<?>> record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        Optional<Authentication> staff = request.getUserPrincipal(Authentication.class);
        if (staff.isEmpty() || response.code() >= 400 || path.startsWith("/static/")) {
            return CompletableFuture.completedFuture(response);
        }
        return CompletableFuture.supplyAsync(() -> {
            audit.record(staff.get().getName(), action(request.getMethod(), path),
                    request.getMethodName() + " " + path, RemoteAddress.of(request));
            return response;
        }, blocking);
    }

    private static String action(HttpMethod method, String path) {
        if (path.endsWith(".pdf") || path.endsWith(".csv") || path.endsWith(".json") || path.endsWith("/export")) {
            return "EXPORT";
        }
        return method == HttpMethod.GET || method == HttpMethod.HEAD ? "VIEW" : "CHANGE";
    }
}
