package nl.groenlicht.account.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import nl.groenlicht.account.AuditLog;
import nl.groenlicht.web.RemoteAddress;

/**
 * Every page, report and export a logged-in staff member opened, and every change they made, lands in the audit log:
 * who, what (method and path, never the answers), when and from where. Refused requests are left out: the login
 * records failed attempts, and a 404 names nothing that exists.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class StaffAuditFilter {

    private final AuditLog audit;

    StaffAuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void record(HttpRequest<?> request, HttpResponse<?> response) {
        String path = request.getPath();
        if (response.code() >= 400 || path.startsWith("/static/")) {
            return;
        }
        request.getUserPrincipal(Authentication.class).ifPresent(staff -> audit.record(staff.getName(),
                action(request.getMethod(), path), request.getMethodName() + " " + path, RemoteAddress.of(request)));
    }

    private static String action(HttpMethod method, String path) {
        if (path.endsWith(".pdf") || path.endsWith(".csv") || path.endsWith(".json") || path.endsWith("/export")) {
            return "EXPORT";
        }
        return method == HttpMethod.GET || method == HttpMethod.HEAD ? "VIEW" : "CHANGE";
    }
}
