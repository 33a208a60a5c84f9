package nl.groenlicht.bench;

import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.AnswerType;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.Section;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Valid answers to the questionnaire, read from the questionnaire itself, as a real scan would give them. */
final class SampleAnswers {

    private SampleAnswers() {
    }

    /**
     * Every item of every section answered. A careful workplace ({@code care} near 1) mostly gives the best answer, so
     * the scans end up with a mix of verdicts, as on a real dashboard.
     */
    static Map<String, List<String>> wholeScan(Questionnaire questionnaire, Random random, double care) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (Section section : questionnaire.sections()) {
            for (Item item : section.items()) {
                if (item.type() == AnswerType.TEXT) {
                    continue;
                }
                List<AnswerOption> options = item.options();
                AnswerOption chosen = random.nextDouble() < care
                        ? options.stream().filter(o -> o.score() != null)
                                .max(Comparator.comparingInt(AnswerOption::score)).orElseThrow()
                        : options.get(random.nextInt(options.size()));
                answers.put(item.id(), List.of(chosen.value()));
            }
        }
        return answers;
    }

    /** One section as a page saves it: every item answered, variant {@code n} turning through the options. */
    static Map<String, List<String>> section(Section section, int n) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (int i = 0; i < section.items().size(); i++) {
            Item item = section.items().get(i);
            answers.put(item.id(), item.type() == AnswerType.TEXT
                    ? List.of("Besproken met de leidinggevende, versie " + n)
                    : List.of(item.options().get((n + i) % item.options().size()).value()));
        }
        return answers;
    }
}
