package nl.groenlicht.account;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.UUID;

import static nl.groenlicht.support.TestAccounts.ADMIN;
import static nl.groenlicht.support.TestAccounts.ADMIN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New passwords are neither common nor made of the e-mail address (issue 16, M-9). */
@MicronautTest(transactional = false)
class PasswordPolicyTest {

    @Inject
    EmbeddedServer server;

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "aaaaaaaaaaaa", "123456789012", "qwertyuiopas", "Qwertyuiop12",
            "ababababababab", "groenlicht2026"})
    void commonPasswordsAreRefused(String password) {
        HttpResponse<String> created = create("coach-" + UUID.randomUUID() + "@groenlicht.test", password);
        assertEquals(400, created.statusCode(), created.body());
        assertTrue(created.body().contains("This password is common and easy to guess"), created.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"same.as.email@example.nl", "Same.As.Email-2026", "mijn-same.as.email"})
    void passwordsMadeOfTheEmailAddressAreRefused(String password) {
        // Never created, as every password here is refused: the address can be the same each time.
        HttpResponse<String> created = create("same.as.email@example.nl", password);
        assertEquals(400, created.statusCode(), created.body());
        assertTrue(created.body().contains("Do not use (part of) the e-mail address"), created.body());
    }

    @Test
    void anUncommonPasswordIsAccepted() {
        assertEquals(201, create("coach-" + UUID.randomUUID() + "@groenlicht.test", "zonnebloem-fiets-kade-42")
                .statusCode());
    }

    private HttpResponse<String> create(String email, String password) {
        return new Http(server.getURI()).post("/api/admin/coaches", "application/json",
                "{\"email\":\"" + email + "\",\"name\":\"Coach Test\",\"password\":\"" + password + "\"}",
                "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD));
    }
}
