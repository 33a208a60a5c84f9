package nl.groenlicht;

import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.scheduling.executor.ThreadSelection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Database;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Proves which database a test run uses: H2 by default, PostgreSQL in the second run that .ci/run sets up, so that a
 * PostgreSQL run can never quietly fall back to H2.
 */
@MicronautTest(transactional = false)
class TestDatabaseTest {

    @Inject
    Database database;

    @Inject
    HttpServerConfiguration server;

    @Test
    void theTestsRunOnTheDatabaseTheyWereMeantFor() {
        assertEquals(System.getProperty("groenlicht.test.database", "H2"), database.productName());
    }

    /** Controllers leave the event loop only where a query waits on the network (ThreadSelectionByDatabase). */
    @Test
    void controllersRunOffTheEventLoopOnPostgresqlOnly() {
        assertEquals("PostgreSQL".equals(database.productName()) ? ThreadSelection.AUTO : ThreadSelection.MANUAL,
                server.getThreadSelection());
    }
}
