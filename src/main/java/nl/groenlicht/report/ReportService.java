package nl.groenlicht.report;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.groenlicht.advice.AdviceEngine;
import nl.groenlicht.advice.PlanStore;
import nl.groenlicht.comparison.ComparisonService;
import nl.groenlicht.pulse.PulseService;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.ScanScorer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Gathers a scan's answers, lights, advice and plan in one read. */
@Singleton
public class ReportService {

    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private final ScanService scans;
    private final AdviceEngine adviceEngine;
    private final PlanStore plans;
    private final ComparisonService comparisons;
    private final PulseService pulses;
    private final ScanScorer scorer = new ScanScorer();

    ReportService(ScanService scans, AdviceEngine adviceEngine, PlanStore plans, ComparisonService comparisons,
                  PulseService pulses) {
        this.scans = scans;
        this.pulses = pulses;
        this.comparisons = comparisons;
        this.adviceEngine = adviceEngine;
        this.plans = plans;
    }

    @Transactional
    public ReportData assemble(Scan scan) {
        Questionnaire questionnaire = scans.questionnaire(scan);
        Answers answers = scans.answers(scan);
        ScanResult result = scorer.score(questionnaire, answers);
        List<PulseService.Shown> shown = pulses.shown(scan, questionnaire);
        return new ReportData(scan, questionnaire, answers, result,
                adviceEngine.advise(questionnaire, answers, result, PulseService.teamsSay(shown)),
                plans.read(scan.id()), LocalDate.now(NETHERLANDS),
                comparisons.forCoachScan(scan, answers, result).orElse(null), shown);
    }
}
