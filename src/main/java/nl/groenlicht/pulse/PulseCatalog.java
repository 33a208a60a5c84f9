package nl.groenlicht.pulse;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pulse versions from the seed data, and k: the fewest answers any figure is shown over. New pulses use the
 * highest version; a pulse keeps the version and the k it was opened with.
 */
public final class PulseCatalog {

    /** The floor of k: configuration may raise it, never lower it. */
    public static final int FEWEST_ANSWERS = 5;

    private final List<PulseDefinition> definitions;
    private final int minimumAnswers;

    public PulseCatalog(List<PulseDefinition> definitions, int minimumAnswers) {
        if (minimumAnswers < FEWEST_ANSWERS) {
            throw new IllegalArgumentException("groenlicht.pulse.minimum-answers is " + minimumAnswers
                    + ": results of a team pulse are shown from at least " + FEWEST_ANSWERS + " answers; raise it");
        }
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("the seed data holds no team pulse");
        }
        this.definitions = List.copyOf(definitions);
        this.minimumAnswers = minimumAnswers;
    }

    public int minimumAnswers() {
        return minimumAnswers;
    }

    public PulseDefinition current() {
        return definitions.stream().max(Comparator.comparing(PulseDefinition::version)).orElseThrow();
    }

    public Optional<PulseDefinition> find(String id, int version) {
        return definitions.stream().filter(d -> d.id().equals(id) && d.version() == version).findFirst();
    }
}
