package nl.groenlicht.advice;

import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.SectionLight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A condition on a scan's lights and answers. When it holds, {@link #holds} gives the lights and answers that made it
 * hold, so every advice can say why it is there.
 */
public sealed interface AdviceRule {

    /** What a rule is evaluated against: a scan, and what the teams said in their pulses (empty without one). */
    record Scan(Questionnaire questionnaire, Answers answers, ScanResult result, List<TeamSays> teams) {
    }

    /**
     * Holds when a team's pulse scores a section at least {@code points} lower than the scan does (both 0–100): the
     * team is clearly more negative than the employer or coach who filled in the scan. Never holds without a pulse.
     */
    record TeamBelow(String sectionId, int points) implements AdviceRule {
        @Override
        public Optional<List<Because>> holds(Scan scan) {
            Optional<SectionLight> own = scan.result().sections().stream()
                    .filter(s -> s.section().id().equals(sectionId) && s.score() != null).findFirst();
            if (own.isEmpty()) {
                return Optional.empty();
            }
            List<Because> below = scan.teams().stream()
                    .filter(team -> team.sectionScores().containsKey(sectionId)
                            && team.sectionScores().get(sectionId) <= own.get().score() - points)
                    .map(team -> (Because) new Because.TeamSaid(team, own.get()))
                    .toList();
            return below.isEmpty() ? Optional.empty() : Optional.of(below);
        }
    }

    Optional<List<Because>> holds(Scan scan);

    /** The rules this one combines; none for a plain condition. */
    default List<AdviceRule> parts() {
        return List.of();
    }

    record LightIs(String sectionId, Set<Light> lights) implements AdviceRule {
        @Override
        public Optional<List<Because>> holds(Scan scan) {
            return scan.result().sections().stream()
                    .filter(s -> s.section().id().equals(sectionId) && lights.contains(s.light()))
                    .findFirst()
                    .map(s -> List.<Because>of(new Because.SectionLit(s)));
        }
    }

    record AnswerIs(String itemId, Set<String> values) implements AdviceRule {
        @Override
        public Optional<List<Because>> holds(Scan scan) {
            Optional<Item> item = scan.questionnaire().item(itemId);
            if (item.isEmpty() || !scan.questionnaire().applies(item.get(), scan.answers())) {
                return Optional.empty();
            }
            List<AnswerOption> chosen = scan.answers().values(itemId).stream()
                    .filter(values::contains)
                    .flatMap(v -> item.get().option(v).stream())
                    .toList();
            return chosen.isEmpty() ? Optional.empty()
                    : Optional.of(List.of(new Because.Answered(item.get(), chosen)));
        }
    }

    record SectionsNotGreen(int atLeast) implements AdviceRule {
        @Override
        public Optional<List<Because>> holds(Scan scan) {
            List<Because> notGreen = scan.result().sections().stream()
                    .filter(s -> s.light() != Light.GREEN && s.light() != Light.NOT_APPLICABLE)
                    .map(s -> (Because) new Because.SectionLit(s))
                    .toList();
            return notGreen.size() >= atLeast ? Optional.of(notGreen) : Optional.empty();
        }
    }

    record All(List<AdviceRule> rules) implements AdviceRule {
        @Override
        public List<AdviceRule> parts() {
            return rules;
        }

        @Override
        public Optional<List<Because>> holds(Scan scan) {
            List<Because> reasons = new ArrayList<>();
            for (AdviceRule rule : rules) {
                Optional<List<Because>> held = rule.holds(scan);
                if (held.isEmpty()) {
                    return Optional.empty();
                }
                addNew(reasons, held.get());
            }
            return Optional.of(reasons);
        }
    }

    record Any(List<AdviceRule> rules) implements AdviceRule {
        @Override
        public List<AdviceRule> parts() {
            return rules;
        }

        @Override
        public Optional<List<Because>> holds(Scan scan) {
            List<Because> reasons = new ArrayList<>();
            rules.forEach(rule -> rule.holds(scan).ifPresent(held -> addNew(reasons, held)));
            return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons);
        }
    }

    private static void addNew(List<Because> reasons, List<Because> more) {
        more.stream().filter(b -> !reasons.contains(b)).forEach(reasons::add);
    }
}
