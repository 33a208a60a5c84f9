package nl.groenlicht.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;

import java.security.Principal;

/**
 * /health for the load balancer: the status for everyone, the checks (JDBC address, database version, disk sizes)
 * only for an administrator, as for the other management endpoints. {@code details-visible: AUTHENTICATED} alone
 * showed them to every coach, and the sensitivity rule does not apply to an endpoint open to all (issue 16, L-1).
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
class AdministratorsSeeHealthDetails extends HealthEndpoint {

    AdministratorsSeeHealthDetails(HealthAggregator<HealthResult> healthAggregator, HealthIndicator[] healthIndicators,
                                   @Liveness HealthIndicator[] livenessHealthIndicators) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        return principal instanceof Authentication staff && staff.getRoles().contains(Role.ADMIN.name())
                ? super.levelOfDetail(principal) : HealthLevelOfDetail.STATUS;
    }
}
