package nl.groenlicht.response;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.groenlicht.response.AnswerValidator.Scope;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starting scans, storing their answers and scoring them; shared by the pages and the JSON API. */
@Singleton
public class ScanService {

    private final ScanRepository scans;
    private final AnswerStore answerStore;
    private final QuestionnaireCatalog catalog;

    ScanService(ScanRepository scans, AnswerStore answerStore, QuestionnaireCatalog catalog) {
        this.scans = scans;
        this.answerStore = answerStore;
        this.catalog = catalog;
    }

    /** A started scan and the token that opens it; the token is shown once and never stored. */
    public record StartedScan(Scan scan, String token) {
    }

    public Questionnaire currentQuestionnaire() {
        return catalog.current();
    }

    /** Where a coach's scan takes place, and whose it is. */
    public record Visit(long organisationId, long siteId, long coachId) {
    }

    /** Starts a self-assessment on the current questionnaire; refuses it whole on any wrong answer. */
    @Transactional
    public StartedScan start(ScanMode mode, Map<String, List<String>> profile) {
        return start(mode, profile, null);
    }

    /** Starts a coach's site-visit scan; the profile holds at least the organisation's name. */
    @Transactional
    public StartedScan startVisit(Visit visit, Map<String, List<String>> profile) {
        return start(ScanMode.COACH, profile, visit);
    }

    private StartedScan start(ScanMode mode, Map<String, List<String>> profile, Visit visit) {
        Questionnaire questionnaire = catalog.current();
        Map<String, List<String>> accepted = new AnswerValidator(questionnaire).validate(profile, Scope.START);
        String token = ScanToken.generate();
        Instant now = Instant.now();
        Scan scan = scans.save(new Scan(null, ScanToken.hash(token), mode, questionnaire.id(), questionnaire.version(),
                now, now, visit == null ? null : visit.organisationId(), visit == null ? null : visit.siteId(),
                visit == null ? null : visit.coachId()));
        answerStore.write(scan.id(), accepted, now);
        return new StartedScan(scan, token);
    }

    public Optional<Scan> find(long id, String token) {
        return token == null || token.isBlank() ? Optional.empty() : scans.findByIdAndTokenHash(id, ScanToken.hash(token));
    }

    /** The scans of one site, newest first. */
    @Transactional
    public List<Scan> atSite(long siteId) {
        return scans.findBySiteIdOrderByCreatedAtDesc(siteId);
    }

    /** The scans of one organisation, oldest first. */
    @Transactional
    public List<Scan> ofOrganisation(long organisationId) {
        return scans.findByOrganisationIdOrderByCreatedAt(organisationId);
    }

    /** A scan by id alone: only for callers that check ownership themselves. */
    @Transactional
    public Optional<Scan> byId(long id) {
        return scans.findById(id);
    }

    public Optional<Scan> findByToken(String token) {
        return token == null || token.isBlank() ? Optional.empty() : scans.findByTokenHash(ScanToken.hash(token));
    }

    public Questionnaire questionnaire(Scan scan) {
        return catalog.find(scan.questionnaireId(), scan.questionnaireVersion())
                .orElseThrow(() -> new IllegalStateException("questionnaire " + scan.questionnaireId() + " version "
                        + scan.questionnaireVersion() + " is in use but no longer in the seed data"));
    }

    @Transactional
    public Answers answers(Scan scan) {
        return answerStore.read(scan.id(), questionnaire(scan));
    }

    /**
     * Stores answers; later answers to an item replace earlier ones. Required profile answers cannot be cleared.
     * Returns how many answers were stored.
     */
    @Transactional
    public int save(Scan scan, Map<String, List<String>> submitted) {
        Map<String, List<String>> accepted = new AnswerValidator(questionnaire(scan)).validate(submitted, Scope.SAVE);
        Instant now = Instant.now();
        answerStore.write(scan.id(), accepted, now);
        scans.updateUpdatedAt(scan.id(), now);
        return accepted.size();
    }
}
