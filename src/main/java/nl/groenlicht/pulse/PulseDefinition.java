package nl.groenlicht.pulse;

import nl.groenlicht.scan.Text;

import java.util.List;
import java.util.Optional;

/** A version of the team pulse: statements for colleagues, all answered on one scale (seed-data/pulse/). */
public record PulseDefinition(String id, int version, Text title, List<Option> scale, List<Statement> statements) {

    public record Option(String value, Text label, int score) {
    }

    /**
     * A statement and the questionnaire section it informs; a reversed (negatively phrased) statement scores
     * 100 minus the option's score, so that a higher score is always the better one, as in the questionnaire.
     */
    public record Statement(String id, Text text, String section, boolean reversed, int weight) {
    }

    public Optional<Option> option(String value) {
        return scale.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    /** The score (0–100) an answer adds to its section. */
    public int score(Statement statement, String value) {
        int score = option(value).orElseThrow(() -> new IllegalArgumentException("not on the scale: " + value)).score();
        return statement.reversed() ? 100 - score : score;
    }

    /** The sections the statements inform, in the order they first appear. */
    public List<String> sections() {
        return statements.stream().map(Statement::section).distinct().toList();
    }
}
