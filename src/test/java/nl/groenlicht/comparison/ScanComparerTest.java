package nl.groenlicht.comparison;

import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.QuestionChange;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireLoader;
import nl.groenlicht.scoring.ScanScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A self-assessment and a coach's scan on two questionnaire versions compare by question id, and say where they differ. */
class ScanComparerTest {

    private static final Path TEST_V1 = Path.of("src/test/resources/fixtures/valid/questionnaires/test-v1.yaml");

    @Test
    void questionsAskedDifferentlyOrNotAtAllInTheEmployersVersionAreMarked(@TempDir Path dir) throws IOException {
        Questionnaire v1 = new QuestionnaireLoader().load(TEST_V1).questionnaire();
        Path v2File = dir.resolve("test-v2.yaml");
        // Version 2 rewords alphaOne and adds alphaThree; alphaTwo stays as it was.
        Files.writeString(v2File, Files.readString(TEST_V1).replace("version: 1", "version: 2")
                .replace("text: {nl: \"Vraag een\", en: \"Question one\"}",
                        "text: {nl: \"Vraag een, anders\", en: \"Question one, reworded\"}")
                .replace("      - id: alphaGate\n", """
                              - id: alphaThree
                                text: {nl: "Vraag drie", en: "Question three"}
                                answerSet: points
                              - id: alphaGate
                        """));
        Questionnaire v2 = new QuestionnaireLoader().load(v2File).questionnaire();
        Answers employer = new Answers(Map.of("alphaOne", List.of("p50"), "alphaTwo", List.of("p100")));
        Answers coach = new Answers(Map.of("alphaOne", List.of("p50"), "alphaTwo", List.of("p0"),
                "alphaThree", List.of("p75")));
        ScanScorer scorer = new ScanScorer();

        Comparison comparison = new ScanComparer().compare(v1, employer, scorer.score(v1, employer),
                v2, coach, scorer.score(v2, coach));

        Comparison.SectionComparison alpha = comparison.sections().get(0);
        Map<String, QuestionChange> changes = new HashMap<>();
        alpha.items().forEach(i -> changes.put(i.item().id(), i.inEmployerVersion()));
        assertEquals(Map.of("alphaOne", QuestionChange.CHANGED, "alphaTwo", QuestionChange.SAME,
                "alphaThree", QuestionChange.NEW, "alphaGate", QuestionChange.SAME,
                "alphaFollowUp", QuestionChange.SAME), changes);
        assertEquals(List.of("alphaTwo"), alpha.differingItems().stream().map(i -> i.item().id()).toList(),
                "the question the employer's version did not ask is a gap, not a disagreement");

        Comparison sameVersion = new ScanComparer().compare(v2, coach, scorer.score(v2, coach),
                v2, coach, scorer.score(v2, coach));
        sameVersion.sections().forEach(s -> s.items().forEach(i ->
                assertEquals(QuestionChange.SAME, i.inEmployerVersion(), i.item().id())));
    }
}
