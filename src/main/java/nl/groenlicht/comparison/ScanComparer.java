package nl.groenlicht.comparison;

import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.QuestionChange;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.Section;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.SectionLight;

import java.util.List;
import java.util.Optional;

/**
 * Lays a self-assessment beside a coach's scan. Sections and questions are matched by id along the coach's
 * questionnaire, so two versions of the questionnaire compare on what they share; a section one side lacks counts
 * as incomplete there, an answer the coach's version does not offer counts as no answer, and each question says
 * whether the employer's version asked it the same way.
 */
public final class ScanComparer {

    public Comparison compare(Questionnaire employerQuestionnaire, Answers employerAnswers, ScanResult employerResult,
                              Questionnaire questionnaire, Answers coachAnswers, ScanResult coachResult) {
        return new Comparison(questionnaire.sections().stream().map(section -> {
            Optional<SectionLight> employer = light(employerResult, section);
            Optional<SectionLight> coach = light(coachResult, section);
            return new Comparison.SectionComparison(section,
                    employer.map(SectionLight::light).orElse(Light.INCOMPLETE), employer.map(SectionLight::score).orElse(null),
                    coach.map(SectionLight::light).orElse(Light.INCOMPLETE), coach.map(SectionLight::score).orElse(null),
                    section.scoredItems().stream().map(item -> new Comparison.ItemComparison(item,
                            known(item, employerAnswers), known(item, coachAnswers),
                            QuestionChange.of(item, employerQuestionnaire))).toList());
        }).toList());
    }

    private static Optional<SectionLight> light(ScanResult result, Section section) {
        return result.sections().stream().filter(s -> s.section().id().equals(section.id())).findFirst();
    }

    private static List<String> known(Item item, Answers answers) {
        return answers.values(item.id()).stream().filter(v -> item.option(v).isPresent()).toList();
    }
}
