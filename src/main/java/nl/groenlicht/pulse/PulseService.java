package nl.groenlicht.pulse;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.groenlicht.advice.TeamSays;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.ScanToken;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.Section;
import nl.groenlicht.scan.Thresholds;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Opening, answering and closing team pulses, and the only way to read them: their k-anonymous summary. */
@Singleton
public class PulseService {

    public static final int TEAM_LENGTH = 100;
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private final PulseStore store;
    private final PulseCatalog catalog;
    private final Clock clock;

    PulseService(PulseStore store, PulseCatalog catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What became of a respondent's answers. */
    public enum Outcome { SAVED, ALREADY_ANSWERED, CLOSED }

    /** A pulse with the figures that may be shown of it. */
    public record Shown(Pulse pulse, PulseDefinition definition, PulseResults.Summary summary) {
    }

    @Transactional
    public Pulse open(Scan scan, String team) {
        String label = team.strip();
        if (label.isEmpty() || label.length() > TEAM_LENGTH) {
            throw new IllegalArgumentException("a team label has 1 to " + TEAM_LENGTH + " characters");
        }
        PulseDefinition definition = catalog.current();
        Pulse pulse = new Pulse(UUID.randomUUID().toString(), scan.id(), label, store.lastRound(scan.id(), label) + 1,
                definition.id(), definition.version(), catalog.minimumAnswers(), ScanToken.generate(), 0, today(), null);
        store.insert(pulse);
        return pulse;
    }

    /** The minimum of answers a pulse opened now gets. */
    public int minimumAnswers() {
        return catalog.minimumAnswers();
    }

    @Transactional
    public List<Pulse> ofScan(Scan scan) {
        return store.ofScan(scan.id());
    }

    /** The pulse, if it belongs to this scan. */
    @Transactional
    public Optional<Pulse> of(Scan scan, String pulseId) {
        return store.byId(pulseId).filter(p -> p.scanId() == scan.id());
    }

    @Transactional
    public Optional<Pulse> byLink(String token) {
        return store.byLinkToken(token);
    }

    public PulseDefinition definition(Pulse pulse) {
        return catalog.find(pulse.definitionId(), pulse.definitionVersion())
                .orElseThrow(() -> new IllegalStateException("pulse version " + pulse.definitionVersion()
                        + " is no longer in the seed data"));
    }

    /**
     * The statements a respondent left out or answered off the scale; empty when the answers are complete. Every
     * statement is required: one left out would be summed over fewer respondents than the pulse.
     */
    public List<String> problems(Pulse pulse, Map<String, String> answers) {
        PulseDefinition definition = definition(pulse);
        return definition.statements().stream().map(PulseDefinition.Statement::id)
                .filter(id -> answers.get(id) == null || definition.option(answers.get(id)).isEmpty())
                .toList();
    }

    /**
     * Stores one device's answers. The device is remembered by the hash of its random cookie in a table of its own;
     * the response gets a random id and its batch number, nothing else.
     */
    @Transactional
    public Outcome answer(Pulse pulse, String deviceToken, Map<String, String> answers) {
        if (!problems(pulse, answers).isEmpty()) {
            throw new IllegalArgumentException("incomplete answers");
        }
        Pulse locked = store.lock(pulse.id()).orElseThrow();
        if (locked.closed()) {
            return Outcome.CLOSED;
        }
        if (!store.addDevice(locked.id(), ScanToken.hash(deviceToken))) {
            return Outcome.ALREADY_ANSWERED;
        }
        Map<String, String> kept = definition(locked).statements().stream()
                .collect(Collectors.toMap(PulseDefinition.Statement::id, s -> answers.get(s.id()), (a, b) -> a,
                        LinkedHashMap::new));
        store.insertResponse(UUID.randomUUID().toString(), locked,
                PulseResults.batchOf(locked.received(), locked.minimumAnswers()), kept);
        return Outcome.SAVED;
    }

    /**
     * Closes the pulse for good. The responses of an unfinished batch are deleted: they were never shown, and showing
     * them at close would let the views before and after differ by fewer than k answers.
     */
    @Transactional
    public void close(Pulse pulse) {
        Pulse locked = store.lock(pulse.id()).orElseThrow();
        if (!locked.closed()) {
            store.close(locked, locked.received() / locked.minimumAnswers(), today());
        }
    }

    @Transactional
    public Shown shown(Pulse pulse, Questionnaire questionnaire) {
        PulseDefinition definition = definition(pulse);
        Map<String, Thresholds> thresholds = questionnaire.sections().stream()
                .collect(Collectors.toMap(Section::id, Section::thresholds));
        return new Shown(pulse, definition, PulseResults.summarise(definition, pulse.minimumAnswers(),
                store.responses(pulse.id()), thresholds));
    }

    /** Every pulse of the scan with its summary, by team and round. */
    @Transactional
    public List<Shown> shown(Scan scan, Questionnaire questionnaire) {
        return store.ofScan(scan.id()).stream().map(p -> shown(p, questionnaire)).toList();
    }

    /** What each team said in its latest round with figures shown: what the advice rules read. */
    public static List<TeamSays> teamsSay(List<Shown> shown) {
        Map<String, Shown> latest = new LinkedHashMap<>();
        shown.stream().filter(s -> s.summary().shown()).forEach(s -> latest.merge(s.pulse().team(), s,
                (a, b) -> a.pulse().round() >= b.pulse().round() ? a : b));
        return latest.values().stream().map(s -> new TeamSays(s.pulse().team(), s.pulse().round(),
                s.summary().published(), s.summary().sections().stream().collect(Collectors.toMap(
                        PulseResults.SectionResult::section, PulseResults.SectionResult::score)))).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(NETHERLANDS));
    }
}
