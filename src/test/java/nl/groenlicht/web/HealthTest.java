package nl.groenlicht.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static nl.groenlicht.support.TestAccounts.ADMIN;
import static nl.groenlicht.support.TestAccounts.ADMIN_PASSWORD;
import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a load balancer and an operator see: /health with the database checked, metrics behind a login, nothing else. */
@MicronautTest(transactional = false)
class HealthTest {

    @Inject
    EmbeddedServer server;

    @Test
    void healthSaysUpToAnyoneAndShowsTheChecksOnlyToAdministrators() {
        Http http = new Http(server.getURI());
        HttpResponse<String> anonymous = http.get("/health");
        assertEquals(200, anonymous.statusCode());
        assertTrue(anonymous.body().contains("\"status\":\"UP\""), anonymous.body());
        assertFalse(anonymous.body().contains("jdbc"), "no details without a login: " + anonymous.body());

        String coach = newCoach(server.getURI(), "gezondheid-wachtwoord");
        HttpResponse<String> coachHealth = http.get("/health", "Authorization",
                Http.basic(coach, "gezondheid-wachtwoord"));
        assertEquals(200, coachHealth.statusCode());
        assertTrue(coachHealth.body().contains("\"status\":\"UP\""), coachHealth.body());
        assertFalse(coachHealth.body().contains("jdbc") || coachHealth.body().contains("diskSpace"),
                "a coach sees no database address, versions or disk sizes: " + coachHealth.body());

        String admin = http.get("/health", "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD)).body();
        assertTrue(admin.contains("\"jdbc\"") && admin.contains("\"database\""), admin);
    }

    @Test
    void metricsAreForAdministratorsOnly() {
        Http http = new Http(server.getURI());
        assertEquals(401, http.get("/prometheus").statusCode());
        String coach = newCoach(server.getURI(), "meetgegevens-wachtwoord");
        assertEquals(403, http.get("/prometheus", "Authorization", Http.basic(coach, "meetgegevens-wachtwoord"))
                .statusCode());
        HttpResponse<String> metrics = http.get("/prometheus", "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD));
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "Prometheus text format");
    }

    @Test
    void noOtherManagementEndpointIsOpen() {
        Http http = new Http(server.getURI());
        for (String path : List.of("/beans", "/env", "/info", "/loggers", "/routes", "/metrics", "/refresh",
                "/threaddump", "/stop")) {
            assertEquals(404, http.get(path).statusCode(), path);
        }
    }
}
