package nl.groenlicht.response;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The holder of a self-assessment's private link can erase it (AVG art. 17, security review L-9), and finished
 * anonymous self-assessments do not stay for ever (H-2).
 */
@MicronautTest(transactional = false)
class SelfAssessmentErasureTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Database database;
    @Inject
    AbandonedSelfAssessments retention;

    private record Started(long id, String token) {
    }

    private Started start(Http http, String name) throws IOException {
        HttpResponse<String> created = http.post("/api/scans", "application/json",
                "{\"mode\":\"SELF\",\"profile\":{\"organisationName\":\"" + name + "\"}}");
        Map<String, Object> body = json.readValue(created.body(), Argument.mapOf(String.class, Object.class));
        Started started = new Started(((Number) body.get("id")).longValue(), (String) body.get("token"));
        assertEquals(200, http.put("/api/scans/" + started.id() + "/answers",
                "{\"answers\":{\"clientSites\":\"no\"}}", "X-Scan-Token", started.token()).statusCode());
        return started;
    }

    private long stored(Started scan) {
        return database.count("SELECT COUNT(*) FROM scan WHERE id = ?", scan.id());
    }

    @Test
    void theTokenHolderDeletesTheScanWithItsAnswersThroughTheApi() throws IOException {
        Http http = new Http(server.getURI());
        Started scan = start(http, "Wissen BV");
        Started other = start(http, "Ander BV");
        assertEquals(404, http.delete("/api/scans/" + scan.id(), "X-Scan-Token", other.token()).statusCode(),
                "another scan's token deletes nothing");
        assertEquals(1, stored(scan));

        assertEquals(204, http.delete("/api/scans/" + scan.id(), "X-Scan-Token", scan.token()).statusCode());
        assertEquals(0, stored(scan));
        assertEquals(0, database.answers(scan.id()), "its answers go with it");
        assertEquals(404, http.get("/api/scans/" + scan.id() + "/result", "X-Scan-Token", scan.token()).statusCode());
        assertEquals(1, stored(other));
    }

    @Test
    void theResumeLinkHolderDeletesTheScanAfterConfirmingOnAPage() throws IOException {
        Http http = new Http(server.getURI());
        Started scan = start(http, "Pagina <Wis> BV");
        assertEquals(303, http.get("/resume/" + scan.token()).statusCode());
        assertTrue(http.get("/scans/" + scan.id() + "/result").body().contains("/scans/" + scan.id() + "/delete"),
                "the result page offers the deletion");

        HttpResponse<String> confirm = http.get("/scans/" + scan.id() + "/delete");
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("Pagina &lt;Wis&gt; BV"), "names the scan, escaped");
        assertEquals(403, http.postForm("/scans/" + scan.id() + "/delete", Map.of("_csrf", List.of("forged-token-"
                + "forged-token-forged-token"))).statusCode(), "a forged form deletes nothing");
        assertEquals(1, stored(scan));

        HttpResponse<String> deleted = http.postForm("/scans/" + scan.id() + "/delete",
                Map.of("_csrf", List.of(Http.csrfOf(confirm.body()))));
        assertEquals(200, deleted.statusCode());
        assertTrue(deleted.body().contains("De scan is verwijderd"), deleted.body());
        assertEquals(0, stored(scan));
        assertTrue(deleted.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("gl_scan_" + scan.id() + "=") && c.contains("Max-Age=0")),
                "the browser forgets the token");
        assertEquals(404, http.get("/resume/" + scan.token()).statusCode(), "the private link no longer works");
    }

    @Test
    void withoutTheScansTokenThereIsNothingToDelete() throws IOException {
        Http holder = new Http(server.getURI());
        Started scan = start(holder, "Niet van u BV");
        Http stranger = new Http(server.getURI());
        assertEquals(404, stranger.get("/scans/" + scan.id() + "/delete").statusCode());
        assertEquals(404, stranger.delete("/api/scans/" + scan.id()).statusCode());
        assertEquals(1, stored(scan));
    }

    @Test
    void finishedAnonymousSelfAssessmentsAreDeletedAfterTheirRetentionPeriod() throws IOException {
        Http http = new Http(server.getURI());
        Started old = start(http, "Oud BV");
        Started recent = start(http, "Recent BV");
        database.update("UPDATE scan SET readiness = 'READY', updated_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(400))), old.id());
        database.update("UPDATE scan SET readiness = 'READY' WHERE id = ?", recent.id());

        retention.purgeAllUntouchedSince(Instant.now().minus(Duration.ofDays(365)));

        assertEquals(0, stored(old));
        assertEquals(1, stored(recent));
    }
}
