package nl.groenlicht.pulse;

import nl.groenlicht.seeddata.SeedDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken pulse file stops the load with the file, the statement and the reason. */
class PulseLoaderTest {

    private static final Path VALID = Path.of("src/test/resources/fixtures/valid/pulse/test-pulse-v1.yaml");
    private static final PulseLoader LOADER = new PulseLoader(Set.of("cohesion", "colleagues", "stimuli"));

    @TempDir
    Path dir;

    @Test
    void publishedPulseLoadsWithEveryStatementOnAQuestionnaireSection() {
        PulseDefinition pulse = LOADER.loadAll(Path.of("seed-data")).get(0);
        assertEquals("teampulse", pulse.id());
        assertTrue(pulse.statements().size() >= 6 && pulse.statements().size() <= 10);
        assertEquals(java.util.List.of("cohesion", "colleagues"), pulse.sections());
        PulseDefinition.Statement tension = pulse.statements().stream()
                .filter(s -> s.id().equals("lingeringTension")).findFirst().orElseThrow();
        assertEquals(100, pulse.score(tension, "1"), "disagreeing with a negative statement is the best answer");
        assertEquals(0, pulse.score(tension, "5"));
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("    section: colleagues\n    weight: 2", "    section: supervisorship\n    weight: 2",
                        "statement 'openToDifferences': section 'supervisorship' is not a section of the questionnaire"),
                Arguments.of("  - id: explainAgain", "  - id: helpEachOther",
                        "statement 'helpEachOther': id is used twice"),
                Arguments.of("    weight: 2", "    weight: 0", "statement 'openToDifferences': weight must be 1 or higher"),
                Arguments.of("    score: 25", "    score: 125", "scale option '2': score 125 is not within 0..100"),
                Arguments.of("  - value: \"2\"", "  - value: \"1\"", "scale option '1': value is used twice"),
                Arguments.of("    reversed: true\n    text: {nl: \"In ons team zijn",
                        "    reversed: true\n    freeText: true\n    text: {nl: \"In ons team zijn",
                        "unknown field 'freeText'"),
                Arguments.of("en: \"A new colleague quickly belongs in our team.\"", "en: \" \"",
                        "statement 'newColleaguesBelong': the en text of 'text' is empty"),
                Arguments.of("version: 1", "version: 0", "version must be 1 or higher"));
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void brokenFileIsRefusedWithFileStatementAndReason(String from, String to, String reason) throws IOException {
        String valid = Files.readString(VALID);
        assertTrue(valid.contains(from), "fixture holds: " + from);
        Path file = Files.writeString(dir.resolve("broken-v1.yaml"), valid.replace(from, to));
        String message = assertThrows(SeedDataException.class, () -> LOADER.load(file)).getMessage();
        assertTrue(message.startsWith(file + ": "), message);
        assertTrue(message.contains(reason), message);
    }

    @Test
    void tooFewStatementsAreRefused() throws IOException {
        String valid = Files.readString(VALID);
        String cut = valid.substring(0, valid.indexOf("  - id: openToDifferences"));
        Path file = Files.writeString(dir.resolve("short-v1.yaml"), cut);
        String message = assertThrows(SeedDataException.class, () -> LOADER.load(file)).getMessage();
        assertTrue(message.contains("has 4 statements; a pulse has 6 to 10"), message);
    }

    @Test
    void aMinimumBelowFiveIsRefused() {
        PulseDefinition pulse = LOADER.load(VALID);
        String message = assertThrows(IllegalArgumentException.class, () -> new PulseCatalog(java.util.List.of(pulse), 4))
                .getMessage();
        assertTrue(message.contains("minimum-answers is 4"), message);
        assertEquals(7, new PulseCatalog(java.util.List.of(pulse), 7).minimumAnswers(), "raising it is allowed");
    }
}
