package nl.groenlicht.account.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.session.SessionLoginHandler;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.HttpSessionConfiguration;
import io.micronaut.session.http.HttpSessionFilter;
import io.micronaut.session.http.SessionForRequest;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.account.AuditLog;
import nl.groenlicht.account.StaffLogin;
import nl.groenlicht.response.web.ScanAccess;
import nl.groenlicht.web.Csrf;
import nl.groenlicht.web.FormData;
import nl.groenlicht.web.HtmlPages;
import nl.groenlicht.web.LanguageFilter;
import nl.groenlicht.web.RemoteAddress;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Optional;
import java.util.Map;

/**
 * Login and logout for staff. Our own controller rather than the framework's, so that the form carries a CSRF token,
 * attempts are throttled and the session id is renewed at login (no session fixation).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@HtmlPages
@Controller
class LoginController {

    private final StaffLogin login;
    private final SessionLoginHandler loginHandler;
    private final SessionStore<? extends Session> sessions;
    private final AuditLog audit;
    private final HttpSessionConfiguration sessionCookie;

    LoginController(StaffLogin login, SessionLoginHandler loginHandler, SessionStore<? extends Session> sessions,
                    AuditLog audit, HttpSessionConfiguration sessionCookie) {
        this.login = login;
        this.loginHandler = loginHandler;
        this.sessions = sessions;
        this.audit = audit;
        this.sessionCookie = sessionCookie;
    }

    @Get("/login")
    HttpResponse<?> page(@Nullable Principal principal, @Nullable @QueryValue("loggedOut") String loggedOut) {
        if (principal != null) {
            return HttpResponse.seeOther(URI.create("/coach"));
        }
        return page("", null, loggedOut != null, HttpStatus.OK);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(HttpRequest<?> request, @Body String body) {
        FormData form = Csrf.checkedForm(request, body);
        String email = form.text("email");
        StaffLogin.Result result = login.attempt(email, form.first("password"), RemoteAddress.of(request));
        switch (result.outcome()) {
            case THROTTLED:
                return page(email, "login.error.throttled", false, HttpStatus.TOO_MANY_REQUESTS);
            case WRONG:
                return page(email, "login.error.wrong", false, HttpStatus.BAD_REQUEST);
            default:
                // A new session id at login: whoever knew the old one (fixation) learns nothing.
                endSession(request);
                Authentication authentication = result.response().getAuthentication().orElseThrow();
                return loginHandler.loginSuccess(authentication, request);
        }
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout(HttpRequest<?> request, Principal principal, @Body String body) {
        Csrf.checkedForm(request, body);
        endSession(request);
        audit.record(principal.getName(), "LOGOUT", null, RemoteAddress.of(request));
        // Clear-Site-Data also takes the language cookie: the login page it sends the browser to sets it again.
        return forgetCookies(request, HttpResponse.seeOther(URI.create("/login?loggedOut=1&lang="
                + LanguageFilter.of(request).code())));
    }

    /**
     * A shared tablet keeps nothing of the staff member: the session cookie and the scan cookies are expired, and
     * Clear-Site-Data also clears the scan cookies scoped to /scans/{id}, which the browser does not send to /logout.
     */
    private MutableHttpResponse<?> forgetCookies(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.cookie(Cookie.of(sessionCookie.getCookieName(), "").path(sessionCookie.getCookiePath().orElse("/"))
                .httpOnly(true).maxAge(Duration.ZERO));
        request.getCookies().getAll().stream().map(cookie -> ScanAccess.scanIdOf(cookie.getName()))
                .flatMap(Optional::stream).distinct()
                .forEach(scanId -> response.cookie(ScanAccess.expiredCookie(scanId)));
        return response.header("Clear-Site-Data", "\"cookies\"");
    }

    private void endSession(HttpRequest<?> request) {
        SessionForRequest.find(request).ifPresent(session -> {
            sessions.deleteSession(session.getId()).join();
            request.removeAttribute(HttpSessionFilter.SESSION_ATTRIBUTE.toString(), Object.class);
        });
    }

    private static MutableHttpResponse<?> page(String email, String error, boolean loggedOut, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("error", error);
        model.put("loggedOut", loggedOut);
        return HttpResponse.status(status).body(new ModelAndView<>("login", model));
    }
}
