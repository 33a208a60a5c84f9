package nl.groenlicht.scan;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wrong seed data stops the application from starting, with a message that says what to fix. */
class SeedDataStartupTest {

    private static final Path VALID = Path.of("src/test/resources/fixtures/valid/questionnaires/test-v1.yaml");
    private static final Path ADVICE = Path.of("src/test/resources/fixtures/valid/advice/test-advice-v1.yaml");
    private static final Path PULSE = Path.of("src/test/resources/fixtures/valid/pulse/test-pulse-v1.yaml");

    @TempDir
    Path seedData;

    private static ApplicationContext start(Path seedData, String database) {
        return start(seedData, database, 5);
    }

    private static ApplicationContext start(Path seedData, String database, int pulseMinimum) {
        return ApplicationContext.run(Map.of(
                "groenlicht.seed-data", seedData.toString(),
                "groenlicht.pulse.minimum-answers", pulseMinimum,
                "datasources.default.url", "jdbc:h2:mem:" + database
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "micronaut.server.port", -1), "test");
    }

    private static String messagesOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void brokenFileStopsTheStartWithFileItemAndReason() throws IOException {
        Path file = Files.createDirectories(seedData.resolve("questionnaires")).resolve("test-v1.yaml");
        Files.writeString(file, Files.readString(VALID).replace("knockout: [p0]", "knockout: [p100]"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> start(seedData, UUID.randomUUID().toString()));
        String messages = messagesOf(e);
        assertTrue(messages.contains(file + ": item 'alphaTwo': knockout value 'p100' is the highest-scoring option"),
                messages);
    }

    @Test
    void changedPublishedVersionStopsTheStart() throws IOException {
        String database = UUID.randomUUID().toString();
        Files.copy(ADVICE, Files.createDirectories(seedData.resolve("advice")).resolve("test-advice-v1.yaml"));
        pulse("");
        Path file = Files.createDirectories(seedData.resolve("questionnaires")).resolve("test-v1.yaml");
        Files.copy(VALID, file);
        try (ApplicationContext first = start(seedData, database)) {
            assertTrue(first.getBean(QuestionnaireCatalog.class).find("test", 1).isPresent());
        }
        Files.writeString(file, Files.readString(VALID).replace("Vraag een", "Vraag één, herschreven"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> start(seedData, database));
        String messages = messagesOf(e);
        assertTrue(messages.contains("test version 1 was published with different content"), messages);

        Files.writeString(file, Files.readString(VALID).replace("version: 1", "version: 2"));
        Files.move(file, file.resolveSibling("test-v2.yaml"));
        Files.copy(VALID, file);
        try (ApplicationContext withNewVersion = start(seedData, database)) {
            assertTrue(withNewVersion.getBean(QuestionnaireCatalog.class).current().version() == 2,
                    "a new version next to the unchanged old one is fine, and new scans use it");
        }
    }

    /** The pulse fixture on the test questionnaire's section, with {@code extra} put before its statements. */
    private Path pulse(String extra) throws IOException {
        Path file = Files.createDirectories(seedData.resolve("pulse")).resolve("test-pulse-v1.yaml");
        Files.writeString(file, Files.readString(PULSE).replaceAll("section: (cohesion|colleagues)", "section: alpha")
                .replace("statements:\n", "statements:\n" + extra));
        return file;
    }

    private void validSeedData() throws IOException {
        Files.copy(ADVICE, Files.createDirectories(seedData.resolve("advice")).resolve("test-advice-v1.yaml"));
        Files.copy(VALID, Files.createDirectories(seedData.resolve("questionnaires")).resolve("test-v1.yaml"));
    }

    @Test
    void aBrokenPulseStopsTheStartWithFileStatementAndReason() throws IOException {
        validSeedData();
        Path file = pulse("  - id: extra\n    section: stimuli\n    text: {nl: \"Een\", en: \"One\"}\n");
        String messages = messagesOf(assertThrows(RuntimeException.class,
                () -> start(seedData, UUID.randomUUID().toString())));
        assertTrue(messages.contains(file + ": statement 'extra': section 'stimuli' is not a section of the questionnaire"),
                messages);
    }

    @Test
    void aPulseMinimumBelowFiveStopsTheStart() throws IOException {
        validSeedData();
        pulse("");
        String messages = messagesOf(assertThrows(RuntimeException.class,
                () -> start(seedData, UUID.randomUUID().toString(), 4)));
        assertTrue(messages.contains("groenlicht.pulse.minimum-answers is 4"), messages);
    }
}
