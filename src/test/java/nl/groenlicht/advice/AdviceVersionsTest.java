package nl.groenlicht.advice;

import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireLoader;
import nl.groenlicht.seeddata.SeedDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Advice catalogues by version, and the stricter sourcing rules from catalogue 2 on. */
class AdviceVersionsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/valid");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Questionnaire V1 = new QuestionnaireLoader()
            .load(FIXTURES.resolve("questionnaires/test-v1.yaml")).questionnaire();

    @TempDir
    Path seedData;

    private static Questionnaire version(Path dir, int version) throws IOException {
        Path file = dir.resolve("test-v" + version + ".yaml");
        Files.writeString(file, Files.readString(FIXTURES.resolve("questionnaires/test-v1.yaml"))
                .replace("version: 1", "version: " + version));
        return new QuestionnaireLoader().load(file).questionnaire();
    }

    /** A catalogue in the format of version 2 and later: one advice with one fact, the given lines spliced in. */
    private static String sourced(String sourceLines, String adviceLines, String factLines) {
        return """
                sources:
                  test-source:
                    title: {nl: "Testbron", en: "Test source"}
                    url: "https://example.org/bron"
                    kind: PRIMARY
                    checked: 2026-11-30
                %s
                advice:
                  - id: costs
                    category: FINANCIAL
                    provider: MUNICIPALITY
                    title: {nl: "Kosten v2", en: "Costs v2"}
                    text: {nl: "Tekst", en: "Text"}
                    nextStep: {nl: "Stap", en: "Step"}
                    conditions: {nl: "Voorwaarden", en: "Conditions"}
                %s
                    facts:
                      - text: {nl: "Een feit", en: "A fact"}
                        source: test-source
                %s
                    when: {answer: {item: concerns, in: [costs]}}
                """.formatted(sourceLines, adviceLines, factLines);
    }

    private Path write(String name, String content) throws IOException {
        Path file = Files.createDirectories(seedData.resolve("advice")).resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private void writeCatalogueOne() throws IOException {
        write("test-advice-v1.yaml", Files.readString(FIXTURES.resolve("advice/test-advice-v1.yaml")));
    }

    private AdviceCatalogues load(Questionnaire... questionnaires) {
        return new AdviceLoader(List.of(questionnaires), TODAY).loadAll(seedData);
    }

    private String refusal(Questionnaire... questionnaires) {
        return assertThrows(SeedDataException.class, () -> load(questionnaires)).getMessage();
    }

    @Test
    void eachQuestionnaireVersionGetsTheNewestCatalogueAtOrBelowIt(@TempDir Path questionnaires) throws IOException {
        writeCatalogueOne();
        write("test-advice-v2.yaml", sourced("", "", "        checked: 2026-11-30"));
        Questionnaire v2 = version(questionnaires, 2);
        Questionnaire v3 = version(questionnaires, 3);
        AdviceEngine engine = new AdviceEngine(load(V1, v2, v3));
        assertEquals("Kosten", engine.catalogue(V1).item("costs").orElseThrow().title().nl(),
                "a scan made on version 1 keeps the advice texts of catalogue 1");
        assertEquals(6, engine.catalogue(V1).items().size());
        assertEquals("Kosten v2", engine.catalogue(v2).item("costs").orElseThrow().title().nl());
        assertEquals("Kosten v2", engine.catalogue(v3).item("costs").orElseThrow().title().nl(),
                "a questionnaire version without a catalogue of its own uses the one before it");
    }

    @Test
    void catalogueOneKeepsItsFormatAndItsReadingDatesAreNotValidFromDates() {
        AdviceCatalogue v1 = new AdviceLoader(List.of(V1), TODAY).loadAll(FIXTURES).forQuestionnaire(V1);
        Fact fact = v1.item("costs").orElseThrow().facts().get(0);
        assertEquals(LocalDate.of(2026, 1, 1), fact.validFrom(), "a date other than the reading day is the source's");
        assertEquals(LocalDate.of(2026, 11, 23), fact.checked(), "the source's reading day");
    }

    @Test
    void catalogueOneReadsAReadingDayInValidAsOfAsTheDayTheFactWasChecked() throws IOException {
        write("test-advice-v1.yaml", Files.readString(FIXTURES.resolve("advice/test-advice-v1.yaml"))
                .replace("validAsOf: 2026-01-01", "validAsOf: 2026-11-23"));
        Fact fact = load(V1).forQuestionnaire(V1).item("costs").orElseThrow().facts().get(0);
        assertNull(fact.validFrom(), "the day the source was read is not the day the fact began to hold");
        assertEquals(LocalDate.of(2026, 11, 23), fact.checked());
    }

    @Test
    void fromCatalogueTwoEveryFactNeedsTheDayItWasChecked() throws IOException {
        write("test-advice-v1.yaml", sourced("", "", ""));
        assertTrue(refusal(V1).contains("test-advice-v1.yaml"), "catalogue 1 format is checked as version 1");
        Files.delete(seedData.resolve("advice/test-advice-v1.yaml"));
        writeCatalogueOne();
        write("test-advice-v2.yaml", sourced("", "", ""));
        String message = refusal(V1, versionTwo());
        assertTrue(message.contains("test-advice-v2.yaml: advice 'costs': fact 1: 'checked' is missing"), message);
    }

    @Test
    void fromCatalogueTwoAnAdviceWithoutAnySourceIsRefused() throws IOException {
        writeCatalogueOne();
        write("test-advice-v2.yaml", sourced("", "", "        checked: 2026-11-30")
                .replace("""
                            facts:
                              - text: {nl: "Een feit", en: "A fact"}
                                source: test-source
                                checked: 2026-11-30
                        """, ""));
        String message = refusal(V1, versionTwo());
        assertTrue(message.contains("test-advice-v2.yaml: advice 'costs': no source"), message);
    }

    @Test
    void sourceKindIsRequiredAndDatesMustMakeSense() throws IOException {
        writeCatalogueOne();
        Questionnaire v2 = versionTwo();
        write("test-advice-v2.yaml", sourced("", "", "        checked: 2026-11-30").replace("    kind: PRIMARY\n", ""));
        assertTrue(refusal(V1, v2).contains("source 'test-source': 'kind' is missing"), refusal(V1, v2));
        write("test-advice-v2.yaml", sourced("", "",
                "        checked: 2026-11-30\n        validFrom: 2026-07-01\n        validUntil: 2026-01-01"));
        assertTrue(refusal(V1, v2).contains("fact 1: validUntil 2026-01-01 lies before validFrom 2026-07-01"));
        write("test-advice-v2.yaml", sourced("", "", "        checked: 2027-01-01"));
        assertTrue(refusal(V1, v2).contains("fact 1: 'checked' 2027-01-01 lies in the future"));
    }

    @Test
    void factsCheckedMoreThanAYearAgoAreReportedAtLoad() throws IOException {
        writeCatalogueOne();
        Questionnaire v2 = versionTwo();
        write("test-advice-v2.yaml", sourced("", "", "        checked: 2025-12-02"));
        assertEquals(List.of(), load(V1, v2).warnings(), "exactly twelve months is not yet stale");
        write("test-advice-v2.yaml", sourced("", "", "        checked: 2025-12-01"));
        List<String> warnings = load(V1, v2).warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("advice 'costs': fact 1: checked on 2025-12-01, more than 12 months ago"),
                warnings.get(0));
    }

    @Test
    void adviceWhoseFactHasEndedSaysSince() throws IOException {
        writeCatalogueOne();
        write("test-advice-v2.yaml", sourced("", "", "        checked: 2026-11-30\n        validUntil: 2026-12-01"));
        Questionnaire v2 = versionTwo();
        AdviceItem costs = load(V1, v2).forQuestionnaire(v2).item("costs").orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 1), costs.endedBy(TODAY).orElseThrow());
        assertTrue(costs.endedBy(LocalDate.of(2026, 12, 1)).isEmpty(), "the last day of validity has not ended yet");
    }

    @Test
    void anAdviceFileNeedsItsVersionInItsName() throws IOException {
        write("test-advice.yaml", Files.readString(FIXTURES.resolve("advice/test-advice-v1.yaml")));
        assertTrue(refusal(V1).contains("test-advice.yaml: an advice file is named <name>-v<N>.yaml"));
    }

    @Test
    void aQuestionnaireVersionOlderThanEveryCatalogueIsRefused() throws IOException {
        write("test-advice-v2.yaml", sourced("", "", "        checked: 2026-11-30"));
        assertTrue(refusal(V1, versionTwo()).contains("no advice for test version 1"));
    }

    private Questionnaire versionTwo() throws IOException {
        return version(Files.createDirectories(seedData.resolveSibling(seedData.getFileName() + "-q")), 2);
    }
}
