package nl.groenlicht.scan;

import nl.groenlicht.seeddata.SeedDataException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken seed data must stop the load with the file, the place and the reason. */
class QuestionnaireLoaderTest {

    private static final Path VALID = Path.of("src/test/resources/fixtures/valid/questionnaires/test-v1.yaml");

    private static final String NOTE = "      - id: alphaNote\n        type: TEXT";

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path questionnaires = Files.createDirectories(dir.resolve("questionnaires"));
        Path file = questionnaires.resolve("broken-v1.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The valid fixture with one piece of text replaced; fails the test if the piece is not there. */
    private static String validWith(String from, String to) throws IOException {
        String valid = Files.readString(VALID);
        assertTrue(valid.contains(from), "fixture holds: " + from);
        return valid.replace(from, to);
    }

    @Test
    void validFixtureLoads() {
        LoadedQuestionnaire loaded = new QuestionnaireLoader().load(VALID);
        Questionnaire q = loaded.questionnaire();
        assertEquals("test", q.id());
        assertEquals(1, q.version());
        assertEquals(List.of("alpha", "client"), q.sections().stream().map(Section::id).toList());
        assertEquals(64, loaded.fingerprint().length());
        Item followUp = q.item("alphaFollowUp").orElseThrow();
        assertEquals(3, followUp.weight());
        assertEquals("alphaGate", followUp.condition().itemId());
        assertTrue(q.item("alphaTwo").orElseThrow().isKnockout("p0"));
        assertTrue(q.item("alphaNote").orElseThrow().options().isEmpty());
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("text: {nl: \"Vraag een\", en: \"Question one\"}", "text: {nl: \"Vraag een\"}", "item 'alphaOne': the en text of 'text' is missing"),
                Arguments.of("text: {nl: \"Vraag twee\", en: \"Question two\"}", "text: {nl: \"Vraag twee\", en: \" \"}", "item 'alphaTwo': the en text of 'text' is empty"),
                Arguments.of("knockout: [p0]", "knockout: [p7]", "item 'alphaTwo': knockout value 'p7' is not one of its options"),
                Arguments.of("knockout: [p0]", "knockout: [p100]", "item 'alphaTwo': knockout value 'p100' is the highest-scoring option"),
                Arguments.of("knockout: [p0]", "knockout: [dontknow]", "item 'alphaTwo': knockout value 'dontknow' is the don't-know option"),
                Arguments.of("when: {item: alphaGate, equals: \"yes\"}", "when: {item: alphaNote, equals: \"yes\"}", "item 'alphaFollowUp': refers to item 'alphaNote', which does not come earlier"),
                Arguments.of("when: {item: alphaGate, equals: \"yes\"}", "when: {item: alphaGate, equals: \"maybe\"}", "item 'alphaFollowUp': value 'maybe' is not an option of item 'alphaGate'"),
                Arguments.of("when: {item: alphaGate, equals: \"yes\"}", "when: {item: alphaGate, equals: yes}", "item 'alphaFollowUp': 'equals' must be text: YAML reads yes/no/true/false unquoted as a boolean"),
                Arguments.of("answerSet: yesNo", "answerSet: yesOrNo", "item 'alphaGate': answer set 'yesOrNo' does not exist"),
                Arguments.of("id: alphaTwo", "id: alphaOne", "item 'alphaOne': id is used twice"),
                Arguments.of("weight: 3", "weight: 0", "item 'alphaFollowUp': weight must be 1 or more"),
                Arguments.of("score: 100}", "score: 101}", "option 'p100': score must be between 0 and 100"),
                Arguments.of("thresholds: {green: 80, orange: 40}", "thresholds: {green: 40, orange: 80}", "section 'client': thresholds need 0 <= orange <= green <= 100"),
                Arguments.of("type: MULTI", "type: CHOICE", "item 'concerns': must be of type MULTI, not CHOICE"),
                Arguments.of("id: region", "id: regio", "profile: item 'region' is missing"),
                Arguments.of("{value: care, label: {nl: \"Zorg\", en: \"Care\"}}", "{value: care, label: {nl: \"Zorg\", en: \"Care\"}, score: 5}", "item 'sector': profile questions are not scored"),
                Arguments.of("        answerSet: points\n        weight: 3", "        answerSet: points\n        weigth: 3", "item 'alphaFollowUp': unknown field 'weigth'"),
                Arguments.of("{value: p49, label", "{value: P 49, label", "option 'P 49': value must match"),
                Arguments.of("version: 1", "version: one", "'version' must be a whole number"),
                Arguments.of(NOTE, sectionItem("alphaExtra", "CHOICE", "") + NOTE,
                        "item 'alphaExtra': option 'a' needs a score"),
                Arguments.of(NOTE, sectionItem("alphaMulti", "MULTI", ", score: 1") + NOTE,
                        "item 'alphaMulti': MULTI is allowed in the profile only")
        );
    }

    /** An extra item for section alpha, with one option 'a'. */
    private static String sectionItem(String id, String type, String score) {
        return "      - id: " + id + "\n        text: {nl: \"Extra\", en: \"Extra\"}\n        type: " + type
                + "\n        options: [{value: a, label: {nl: \"A\", en: \"A\"}" + score + "}]\n";
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("brokenFiles")
    void brokenFileNamesFileItemAndReason(String from, String to, String expectedMessage) throws IOException {
        Path file = write(validWith(from, to));
        SeedDataException e = assertThrows(SeedDataException.class, () -> new QuestionnaireLoader().loadAll(dir));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expectedMessage), e.getMessage());
    }

    @Test
    void invalidYamlIsReportedWithTheFile() throws IOException {
        Path file = write("id: test\nversion: [1\n");
        SeedDataException e = assertThrows(SeedDataException.class, () -> new QuestionnaireLoader().loadAll(dir));
        assertTrue(e.getMessage().startsWith(file + ": not valid YAML"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        write(validWith("version: 1", "version: 1\nversion: 2"));
        SeedDataException e = assertThrows(SeedDataException.class, () -> new QuestionnaireLoader().loadAll(dir));
        assertTrue(e.getMessage().contains("not valid YAML") && e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void twoFilesWithTheSameVersionAreRefused() throws IOException {
        write(Files.readString(VALID));
        Files.copy(VALID, dir.resolve("questionnaires/copy-v1.yaml"));
        SeedDataException e = assertThrows(SeedDataException.class, () -> new QuestionnaireLoader().loadAll(dir));
        assertTrue(e.getMessage().contains("test version 1 is defined in another file as well"), e.getMessage());
    }

    @Test
    void emptyOrMissingFolderIsRefused() throws IOException {
        assertThrows(SeedDataException.class, () -> new QuestionnaireLoader().loadAll(dir));
        Files.createDirectories(dir.resolve("questionnaires"));
        SeedDataException e = assertThrows(SeedDataException.class, () -> new QuestionnaireLoader().loadAll(dir));
        assertTrue(e.getMessage().contains("holds no .yaml file"), e.getMessage());
    }

    @Test
    void fingerprintChangesWithTheContent() throws IOException {
        Path file = write(Files.readString(VALID));
        String before = new QuestionnaireLoader().load(file).fingerprint();
        Files.writeString(file, validWith("Vraag een", "Vraag één"));
        assertNotEquals(before, new QuestionnaireLoader().load(file).fingerprint());
    }
}
