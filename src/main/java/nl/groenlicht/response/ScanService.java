package nl.groenlicht.response;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.groenlicht.response.AnswerValidator.Scope;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;

import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.ScanScorer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starting scans, storing their answers and scoring them; shared by the pages and the JSON API. */
@Singleton
public class ScanService {

    private final ScanRepository scans;
    private final AnswerStore answerStore;
    private final ScanSummaries summaries;
    private final QuestionnaireCatalog catalog;
    private final ScanScorer scorer = new ScanScorer();

    ScanService(ScanRepository scans, AnswerStore answerStore, ScanSummaries summaries, QuestionnaireCatalog catalog) {
        this.scans = scans;
        this.answerStore = answerStore;
        this.summaries = summaries;
        this.catalog = catalog;
    }

    /** A started scan and the token that opens it; the token is shown once and never stored. */
    public record StartedScan(Scan scan, String token) {
    }

    public Questionnaire currentQuestionnaire() {
        return catalog.current();
    }

    /** The organisation (and site, when known) a scan is about, and the coach it belongs to. */
    public record Assignment(long organisationId, Long siteId, long coachId) {
    }

    /** Starts a self-assessment on the current questionnaire; refuses it whole on any wrong answer. */
    @Transactional
    public StartedScan start(ScanMode mode, Map<String, List<String>> profile) {
        return start(mode, profile, null);
    }

    /** Starts a coach's site-visit scan; the profile holds at least the organisation's name. */
    @Transactional
    public StartedScan startVisit(Assignment visit, Map<String, List<String>> profile) {
        return start(ScanMode.COACH, profile, visit);
    }

    /**
     * Starts the self-assessment a coach invites an employer to: the employer fills it in through the private link,
     * and the answers belong to the coach's organisation.
     */
    @Transactional
    public StartedScan invite(Assignment invitation, Map<String, List<String>> profile) {
        return start(ScanMode.SELF, profile, invitation);
    }

    private StartedScan start(ScanMode mode, Map<String, List<String>> profile, Assignment assignment) {
        Questionnaire questionnaire = catalog.current();
        Map<String, List<String>> accepted = new AnswerValidator(questionnaire).validate(profile, Scope.START);
        String token = ScanToken.generate();
        Instant now = Instant.now();
        Scan scan = scans.save(new Scan(null, ScanToken.hash(token), mode, questionnaire.id(), questionnaire.version(),
                now, now, assignment == null ? null : assignment.organisationId(),
                assignment == null ? null : assignment.siteId(), assignment == null ? null : assignment.coachId(), null));
        answerStore.write(scan.id(), Answers.none(), accepted, now);
        summaries.write(scan.id(), scorer.score(questionnaire, Answers.none().with(accepted)));
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
        Questionnaire questionnaire = questionnaire(scan);
        Map<String, List<String>> accepted = new AnswerValidator(questionnaire).validate(submitted, Scope.SAVE);
        Instant now = Instant.now();
        // Updating the scan row first locks it: saves of one scan take turns, so each reads the answers of the save
        // before it, writes over them and scores the whole.
        scans.updateUpdatedAt(scan.id(), now);
        Answers stored = answerStore.read(scan.id(), questionnaire);
        answerStore.write(scan.id(), stored, accepted, now);
        summaries.update(scan.id(), scorer.score(questionnaire, stored.with(accepted)));
        return accepted.size();
    }

    /**
     * Deletes a self-assessment for good, with its answers, lights and plan (AVG art. 17: the holder of the private
     * link may erase it). A coach's site-visit scan goes only with its organisation.
     */
    @Transactional
    public void deleteSelfAssessment(Scan scan) {
        if (scan.scanMode() != ScanMode.SELF) {
            throw new IllegalArgumentException("only a self-assessment is deleted by its holder");
        }
        scans.deleteById(scan.id());
    }

    /** The stored section scores of the scans, by scan id and then section id. */
    @Transactional
    public Map<Long, Map<String, SectionScore>> sectionScores(Collection<Long> scanIds) {
        return summaries.read(scanIds);
    }

    /** Scores the scans stored before their verdicts were kept; returns how many. */
    @Transactional
    public int scoreUnscored() {
        List<Scan> unscored = scans.findByReadinessIsNull();
        unscored.forEach(this::rescore);
        return unscored.size();
    }

    private void rescore(Scan scan) {
        ScanResult result = scorer.score(questionnaire(scan), answers(scan));
        summaries.write(scan.id(), result);
    }
}
