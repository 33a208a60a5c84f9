package nl.groenlicht.report;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.groenlicht.advice.AdviceEngine;
import nl.groenlicht.advice.PlanStore;
import nl.groenlicht.comparison.ComparisonService;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.ScanScorer;

import java.time.LocalDate;
import java.time.ZoneId;

/** Gathers a scan's answers, lights, advice and plan in one read. */
@Singleton
public class ReportService {

    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private final ScanService scans;
    private final AdviceEngine adviceEngine;
    private final PlanStore plans;
    private final ComparisonService comparisons;
    private final ScanScorer scorer = new ScanScorer();

    ReportService(ScanService scans, AdviceEngine adviceEngine, PlanStore plans, ComparisonService comparisons) {
        this.scans = scans;
        this.comparisons = comparisons;
        this.adviceEngine = adviceEngine;
        this.plans = plans;
    }

    @Transactional
    public ReportData assemble(Scan scan) {
        Questionnaire questionnaire = scans.questionnaire(scan);
        Answers answers = scans.answers(scan);
        ScanResult result = scorer.score(questionnaire, answers);
        return new ReportData(scan, questionnaire, answers, result, adviceEngine.advise(questionnaire, answers, result),
                plans.read(scan.id()), LocalDate.now(NETHERLANDS),
                comparisons.forCoachScan(scan, answers, result).orElse(null));
    }
}
