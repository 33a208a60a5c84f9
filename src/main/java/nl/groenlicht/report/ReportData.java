package nl.groenlicht.report;

import nl.groenlicht.advice.Advice;
import io.micronaut.core.annotation.Nullable;
import nl.groenlicht.advice.PlanLine;
import nl.groenlicht.comparison.ComparisonService;
import nl.groenlicht.pulse.PulseService;
import nl.groenlicht.response.Scan;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scoring.ScanResult;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything known about one scan at one moment: what the report, the exports and the result page show. A coach's
 * scan also holds the comparison with the employer's latest self-assessment of the site, when there is one; every scan
 * its team pulses, as far as they may be shown.
 */
public record ReportData(Scan scan, Questionnaire questionnaire, Answers answers, ScanResult result,
                         List<Advice> advice, List<PlanLine> plan, LocalDate date,
                         @Nullable ComparisonService.Pair comparison, List<PulseService.Shown> pulses) {
}
