package nl.groenlicht.account.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import nl.groenlicht.account.StaffLogin;
import nl.groenlicht.scan.Language;
import nl.groenlicht.web.Messages;

import java.util.List;
import java.util.Map;

/**
 * A throttled HTTP Basic login answers 429 like the login page, not the 401 of a wrong password: the security layer
 * only knows success and failure, so the provider marks the request and this filter says why. It wraps the security
 * filter, whose refusal would otherwise never reach it.
 */
@ServerFilter("/**")
class ThrottledBasicLogins implements Ordered {

    private final Messages messages;

    ThrottledBasicLogins(Messages messages) {
        this.messages = messages;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @ResponseFilter
    void tooManyAttempts(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() == HttpStatus.UNAUTHORIZED.getCode() && request.getAttribute(StaffLogin.THROTTLED, Boolean.class).orElse(false)) {
            response.status(HttpStatus.TOO_MANY_REQUESTS).body(Map.of("errors",
                    List.of(Map.of("message", messages.get(Language.EN, "login.error.throttled")))));
        }
    }
}
