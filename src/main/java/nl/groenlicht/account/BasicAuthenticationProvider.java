package nl.groenlicht.account;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import nl.groenlicht.web.RemoteAddress;

/** HTTP Basic for staff on the JSON API, through the same throttled and audited check as the login page. */
@Singleton
class BasicAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    // Looked up on first use: resolving it while the security beans are built ran in a circle through the datasource.
    private final BeanProvider<StaffLogin> login;

    BasicAuthenticationProvider(BeanProvider<StaffLogin> login) {
        this.login = login;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> authentication) {
        StaffLogin.Result result = login.get().attempt(authentication.getIdentity(), authentication.getSecret(),
                RemoteAddress.of(request));
        if (result.outcome() == StaffLogin.Outcome.THROTTLED) {
            request.setAttribute(StaffLogin.THROTTLED, true);
        }
        return result.response();
    }
}
