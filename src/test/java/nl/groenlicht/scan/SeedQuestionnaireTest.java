package nl.groenlicht.scan;

import nl.groenlicht.support.Options;

import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.Readiness;
import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.ScanScorer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The questionnaire the portal ships with. */
class SeedQuestionnaireTest {

    private static final List<LoadedQuestionnaire> SEED = new QuestionnaireLoader().loadAll(Path.of("seed-data"));
    private static final Questionnaire SCAN = new QuestionnaireCatalog(
            SEED.stream().map(LoadedQuestionnaire::questionnaire).toList()).current();

    @Test
    void hasTheSevenSectionsWithEnoughScoredItems() {
        assertEquals(List.of("stimuli", "cohesion", "colleagues", "supervisor", "client", "work", "motivation"),
                SCAN.sections().stream().map(Section::id).toList());
        for (Section section : SCAN.sections()) {
            assertTrue(section.scoredItems().size() >= 4, section.id() + " has " + section.scoredItems().size());
        }
        int scored = SCAN.sections().stream().mapToInt(s -> s.scoredItems().size()).sum();
        assertTrue(scored >= 35, "scored items: " + scored);
    }

    @Test
    void everyTextIsInDutchAndEnglish() {
        List<String> problems = new ArrayList<>();
        for (Section section : SCAN.sections()) {
            checkTranslated(section.id() + " title", section.title(), problems);
            section.items().forEach(item -> checkItem(item, problems));
        }
        SCAN.profile().forEach(item -> checkItem(item, problems));
        assertEquals(List.of(), problems);
    }

    private static void checkItem(Item item, List<String> problems) {
        checkTranslated(item.id(), item.text(), problems);
        if (item.help() != null) {
            checkTranslated(item.id() + " help", item.help(), problems);
        }
        item.options().forEach(o -> {
            if (o.label().nl().isBlank() || o.label().en().isBlank()) {
                problems.add(item.id() + " option " + o.value() + " lacks a label");
            }
        });
    }

    /** Blank or identical texts mean a translation was forgotten. */
    private static void checkTranslated(String where, Text text, List<String> problems) {
        if (text.nl().isBlank() || text.en().isBlank() || text.nl().equals(text.en())) {
            problems.add(where + ": " + text);
        }
    }

    @Test
    void profileHasTheItemsOtherFeaturesRelyOn() {
        Map<String, AnswerType> types = new HashMap<>();
        SCAN.profile().forEach(i -> types.put(i.id(), i.type()));
        assertEquals(AnswerType.TEXT, types.get("organisationName"));
        assertEquals(AnswerType.CHOICE, types.get("sector"));
        assertEquals(AnswerType.CHOICE, types.get("size"));
        assertEquals(AnswerType.YES_NO, types.get("clientSites"));
        assertEquals(AnswerType.YES_NO, types.get("publicTenders"));
        assertEquals(AnswerType.CHOICE, types.get("region"));
        assertEquals(AnswerType.MULTI, types.get("concerns"));
        assertEquals(35, SCAN.item("region").orElseThrow().options().size(), "the 35 arbeidsmarktregio's");
        assertTrue(SCAN.profile().stream().noneMatch(Item::scored));
    }

    @Test
    void everySectionHasAKnockoutAndTheBestAnswersGiveReady() {
        SCAN.sections().forEach(s -> assertTrue(s.items().stream().anyMatch(i -> !i.knockoutValues().isEmpty()),
                s.id() + " has no knock-out"));
        ScanResult result = new ScanScorer().score(SCAN, bestAnswers(SCAN));
        assertEquals(Readiness.READY, result.readiness());
        result.sections().forEach(s -> assertEquals(Light.GREEN, s.light(), s.section().id()));
    }

    @Test
    void everyFreeTextNoteWarnsAgainstHealthData() {
        List<Item> notes = SCAN.sections().stream().flatMap(s -> s.items().stream())
                .filter(i -> i.type() == AnswerType.TEXT).toList();
        assertEquals(SCAN.sections().size(), notes.size(), "one note per section");
        notes.forEach(note -> {
            assertTrue(note.help() != null && note.help().nl().contains("gezondheidsgegevens"), note.id());
            assertTrue(note.help().en().contains("health"), note.id());
        });
    }

    /** Every scored item with its highest-scoring option, and yes to the client-sites question. */
    static Answers bestAnswers(Questionnaire questionnaire) {
        Map<String, List<String>> answers = new HashMap<>();
        answers.put("organisationName", List.of("Testbedrijf"));
        answers.put("clientSites", List.of("yes"));
        questionnaire.sections().stream().flatMap(s -> s.scoredItems().stream()).forEach(item -> {
            String best = Options.best(item);
            assertNotEquals(true, item.isKnockout(best));
            answers.put(item.id(), List.of(best));
        });
        return new Answers(answers);
    }
}
