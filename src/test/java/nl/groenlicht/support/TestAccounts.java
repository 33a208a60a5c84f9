package nl.groenlicht.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The administrator from application-test.yml, and new coaches made through the admin API. */
public final class TestAccounts {

    public static final String ADMIN = "beheer@groenlicht.test";
    public static final String ADMIN_PASSWORD = "test-admin-wachtwoord";

    private TestAccounts() {
    }

    /** A new coach with a unique e-mail address: the in-memory database is shared by the test classes. */
    public static String newCoach(URI server, String password) {
        String email = "coach-" + UUID.randomUUID() + "@groenlicht.test";
        HttpResponse<String> created = new Http(server).post("/api/admin/coaches", "application/json",
                "{\"email\":\"" + email + "\",\"name\":\"Coach Test\",\"password\":\"" + password + "\"}",
                "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD));
        assertEquals(201, created.statusCode(), created.body());
        return email;
    }
}
