package nl.groenlicht.scoring;

import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.Section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Turns a scan's answers into section lights and a readiness verdict (rules: seed-data/README.md). */
public final class ScanScorer {

    public ScanResult score(Questionnaire questionnaire, Answers answers) {
        List<SectionLight> lights = questionnaire.sections().stream()
                .map(section -> score(questionnaire, section, answers))
                .toList();
        return new ScanResult(readiness(lights), lights);
    }

    private SectionLight score(Questionnaire questionnaire, Section section, Answers answers) {
        if (!questionnaire.applies(section, answers)) {
            return new SectionLight(section, null, Light.NOT_APPLICABLE, List.of(), 0, 0);
        }
        List<Reason> knockouts = new ArrayList<>();
        List<Reason> lowScores = new ArrayList<>();
        List<Reason> gaps = new ArrayList<>();
        long weightedSum = 0;
        long weights = 0;
        int answered = 0;
        int applicable = 0;
        for (Item item : section.scoredItems()) {
            if (!questionnaire.applies(item, answers)) {
                continue;
            }
            applicable++;
            Optional<AnswerOption> chosen = answers.single(item.id()).flatMap(item::option);
            if (chosen.isEmpty()) {
                gaps.add(new Reason(Reason.Kind.UNANSWERED, item, null));
                continue;
            }
            AnswerOption option = chosen.get();
            if (option.dontKnow()) {
                gaps.add(new Reason(Reason.Kind.DONT_KNOW, item, option));
                continue;
            }
            answered++;
            weightedSum += (long) option.score() * item.weight();
            weights += item.weight();
            if (item.isKnockout(option.value())) {
                knockouts.add(new Reason(Reason.Kind.KNOCKOUT, item, option));
            } else if (option.score() < item.maxScore()) {
                lowScores.add(new Reason(Reason.Kind.LOW_SCORE, item, option));
            }
        }
        if (applicable == 0) {
            return new SectionLight(section, null, Light.NOT_APPLICABLE, List.of(), 0, 0);
        }
        lowScores.sort(Comparator.comparingInt(ScanScorer::pointsLost).reversed());
        List<Reason> reasons = new ArrayList<>(knockouts);
        reasons.addAll(lowScores);
        reasons.addAll(gaps);
        Integer score = weights == 0 ? null : (int) Math.round((double) weightedSum / weights);
        return new SectionLight(section, score, light(section, score, !knockouts.isEmpty(), answered, applicable),
                List.copyOf(reasons), answered, applicable);
    }

    private static int pointsLost(Reason reason) {
        return (reason.item().maxScore() - reason.answer().score()) * reason.item().weight();
    }

    private static Light light(Section section, Integer score, boolean knockedOut, int answered, int applicable) {
        if (knockedOut) {
            return Light.RED;
        }
        if (answered * 2 < applicable || score == null) {
            return Light.INCOMPLETE;
        }
        if (score >= section.thresholds().green()) {
            return Light.GREEN;
        }
        return score >= section.thresholds().orange() ? Light.ORANGE : Light.RED;
    }

    private static Readiness readiness(List<SectionLight> lights) {
        if (lights.stream().anyMatch(l -> l.light() == Light.RED)) {
            return Readiness.NOT_YET;
        }
        if (lights.stream().anyMatch(l -> l.light() == Light.INCOMPLETE)) {
            return Readiness.INCOMPLETE;
        }
        if (lights.stream().anyMatch(l -> l.light() == Light.ORANGE)) {
            return Readiness.CONDITIONAL;
        }
        if (lights.stream().noneMatch(l -> l.light() == Light.GREEN)) {
            return Readiness.INCOMPLETE;
        }
        return Readiness.READY;
    }
}
