package nl.groenlicht.pulse;

import nl.groenlicht.scan.Thresholds;
import nl.groenlicht.scoring.Light;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of a pulse that may be shown, and nothing else (k-anonymity with batches).
 * <p>
 * Every response gets a batch number when it is stored: the responses before it divided by k (the minimum of
 * answers, fixed on the pulse when it is opened). Only complete batches are ever counted, so every figure is a sum
 * over {@code k * m} responses for some m, and the figures only change when a whole batch of k more responses is
 * complete. Any two views of one pulse are then sums over the first {@code k * m} and {@code k * m'} responses: their
 * difference is a sum over at least k responses, never one person's answer. Closing publishes nothing new (an
 * unfinished batch is deleted at close, see {@link PulseService#close}), and a closed pulse takes no answers.
 * Two pulses hold disjoint responses, each shown only from k on.
 */
public final class PulseResults {

    private PulseResults() {
    }

    /** One respondent's answers (statement id to scale value), with the batch it was stored in. */
    public record Response(int batch, Map<String, String> values) {
    }

    /** A statement's mean score (0–100) over the published responses. */
    public record StatementResult(PulseDefinition.Statement statement, int score) {
    }

    /** What the team says about one questionnaire section: the weighted mean score and its light. */
    public record SectionResult(String section, int score, Light light) {
    }

    /**
     * @param received  every stored response, published or not (a count reveals no answer)
     * @param published the responses the figures are over: a multiple of k
     * @param needed    how many more responses the next figures need
     */
    public record Summary(int minimum, int received, int published, int needed, List<StatementResult> statements,
                          List<SectionResult> sections) {

        public boolean shown() {
            return published > 0;
        }
    }

    /**
     * @param minimum    k, the pulse's minimum of answers
     * @param thresholds each section's thresholds, as in the questionnaire
     */
    public static Summary summarise(PulseDefinition pulse, int minimum, List<Response> responses,
                                    Map<String, Thresholds> thresholds) {
        if (minimum < 1) {
            throw new IllegalArgumentException("the minimum of answers is at least 1");
        }
        int received = responses.size();
        int completeBatches = received / minimum;
        // A batch is counted only when it holds k responses: batches are numbered by arrival, so these are the first.
        List<Response> counted = responses.stream()
                .filter(r -> r.batch() < completeBatches)
                .toList();
        if (counted.size() != completeBatches * minimum) {
            throw new IllegalStateException("batches do not add up: " + counted.size() + " responses in "
                    + completeBatches + " batches of " + minimum);
        }
        int needed = (completeBatches + 1) * minimum - received;
        if (counted.isEmpty()) {
            return new Summary(minimum, received, 0, needed, List.of(), List.of());
        }
        List<StatementResult> statements = pulse.statements().stream()
                .map(s -> new StatementResult(s, mean(pulse, List.of(s), counted)))
                .toList();
        List<SectionResult> sections = new ArrayList<>();
        for (String section : pulse.sections()) {
            List<PulseDefinition.Statement> of = pulse.statements().stream().filter(s -> s.section().equals(section))
                    .toList();
            int score = mean(pulse, of, counted);
            sections.add(new SectionResult(section, score, light(score,
                    thresholds.getOrDefault(section, Thresholds.DEFAULT))));
        }
        return new Summary(minimum, received, counted.size(), needed, statements, List.copyOf(sections));
    }

    /** The weighted mean score of these statements over the responses, rounded as the questionnaire rounds. */
    private static int mean(PulseDefinition pulse, List<PulseDefinition.Statement> statements, List<Response> responses) {
        long sum = 0;
        long weights = 0;
        for (Response response : responses) {
            for (PulseDefinition.Statement statement : statements) {
                sum += (long) pulse.score(statement, response.values().get(statement.id())) * statement.weight();
                weights += statement.weight();
            }
        }
        return (int) Math.round((double) sum / weights);
    }

    private static Light light(int score, Thresholds thresholds) {
        if (score >= thresholds.green()) {
            return Light.GREEN;
        }
        return score >= thresholds.orange() ? Light.ORANGE : Light.RED;
    }

    /** The batch a response joins when {@code before} responses are stored already. */
    public static int batchOf(int before, int minimum) {
        return before / minimum;
    }
}
