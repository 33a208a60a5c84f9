package nl.groenlicht.comparison;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.ScanMode;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.ScanScorer;

import java.util.List;
import java.util.Optional;

/** Finds the self-assessment and the coach's scan of one site that belong side by side, and compares them. */
@Singleton
public class ComparisonService {

    private final ScanService scans;
    private final ScanScorer scorer = new ScanScorer();
    private final ScanComparer comparer = new ScanComparer();

    ComparisonService(ScanService scans) {
        this.scans = scans;
    }

    /** The two scans compared and how they compare. */
    public record Pair(Scan employerScan, Scan coachScan, Comparison comparison) {
    }

    /** The latest self-assessment of the site beside its latest coach's scan; empty unless the site has both. */
    @Transactional
    public Optional<Pair> latestAtSite(long siteId) {
        List<Scan> atSite = scans.atSite(siteId);
        return latest(atSite, ScanMode.COACH).flatMap(coach -> latest(atSite, ScanMode.SELF)
                .map(employer -> pair(employer, coach)));
    }

    /**
     * A coach's scan beside the latest self-assessment of its site, for the coach's report, which has already read
     * and scored the coach's side.
     */
    @Transactional
    public Optional<Pair> forCoachScan(Scan coachScan, Answers coachAnswers, ScanResult coachResult) {
        if (coachScan.scanMode() != ScanMode.COACH || coachScan.siteId() == null) {
            return Optional.empty();
        }
        return latest(scans.atSite(coachScan.siteId()), ScanMode.SELF)
                .map(employer -> pair(employer, coachScan, coachAnswers, coachResult));
    }

    private Pair pair(Scan employerScan, Scan coachScan) {
        Answers coachAnswers = scans.answers(coachScan);
        return pair(employerScan, coachScan, coachAnswers, scorer.score(scans.questionnaire(coachScan), coachAnswers));
    }

    private Pair pair(Scan employerScan, Scan coachScan, Answers coachAnswers, ScanResult coachResult) {
        Answers employerAnswers = scans.answers(employerScan);
        Questionnaire employerQuestionnaire = scans.questionnaire(employerScan);
        return new Pair(employerScan, coachScan, comparer.compare(employerQuestionnaire, employerAnswers,
                scorer.score(employerQuestionnaire, employerAnswers), scans.questionnaire(coachScan), coachAnswers,
                coachResult));
    }

    /** Scans at a site come newest first. */
    private static Optional<Scan> latest(List<Scan> atSite, ScanMode mode) {
        return atSite.stream().filter(scan -> scan.scanMode() == mode).findFirst();
    }
}
