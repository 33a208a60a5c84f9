package nl.groenlicht.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The administrator from application-test.yml, and new coaches made through the admin API. */
public final class TestAccounts {

    public static final String ADMIN = "beheer@groenlicht.test";
    public static final String ADMIN_PASSWORD = "test-admin-wachtwoord";
    public static final String TEMPORARY_PASSWORD = "tijdelijk-van-de-beheerder-9";

    private TestAccounts() {
    }

    /**
     * A new coach with a unique e-mail address (the in-memory database is shared by the test classes) who has replaced
     * the administrator's temporary password by {@code password}, as a coach does at the first login.
     */
    public static String newCoach(URI server, String password) {
        String email = newCoachWithTemporaryPassword(server, TEMPORARY_PASSWORD);
        HttpResponse<String> changed = new Http(server).put("/api/account/password",
                "{\"currentPassword\":\"" + TEMPORARY_PASSWORD + "\",\"newPassword\":\"" + password + "\"}",
                "Authorization", Http.basic(email, TEMPORARY_PASSWORD));
        assertEquals(204, changed.statusCode(), changed.body());
        return email;
    }

    /** A new coach who still has the password the administrator set. */
    public static String newCoachWithTemporaryPassword(URI server, String password) {
        String email = "coach-" + UUID.randomUUID() + "@groenlicht.test";
        HttpResponse<String> created = new Http(server).post("/api/admin/coaches", "application/json",
                "{\"email\":\"" + email + "\",\"name\":\"Coach Test\",\"password\":\"" + password + "\"}",
                "Authorization", Http.basic(ADMIN, ADMIN_PASSWORD));
        assertEquals(201, created.statusCode(), created.body());
        return email;
    }
}
