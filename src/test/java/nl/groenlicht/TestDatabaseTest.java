package nl.groenlicht;

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

    @Test
    void theTestsRunOnTheDatabaseTheyWereMeantFor() {
        assertEquals(System.getProperty("groenlicht.test.database", "H2"), database.productName());
    }
}
