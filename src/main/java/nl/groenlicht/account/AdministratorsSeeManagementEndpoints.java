package nl.groenlicht.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** The sensitive management endpoints (only /prometheus is on) are for administrators. */
@Singleton
@Replaces(SensitiveEndpointRule.class)
class AdministratorsSeeManagementEndpoints extends SensitiveEndpointRule {

    AdministratorsSeeManagementEndpoints(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
                                                                        Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        return Publishers.just(authentication.getRoles().contains(Role.ADMIN.name())
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
