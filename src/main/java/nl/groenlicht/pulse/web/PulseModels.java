package nl.groenlicht.pulse.web;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.groenlicht.comparison.Comparison;
import nl.groenlicht.pulse.PulseResults;
import nl.groenlicht.pulse.PulseService;
import nl.groenlicht.response.ScanMode;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.SectionLight;
import nl.groenlicht.web.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "What the team says": a pulse's published figures beside the scan's own light for the same section and, on a
 * coach's scan with a self-assessment to compare, the employer's. Only figures from {@link PulseResults} go in.
 */
@Singleton
public class PulseModels {

    private final Messages messages;

    PulseModels(Messages messages) {
        this.messages = messages;
    }

    /** Every pulse of the scan, by team and round. */
    public List<Map<String, Object>> views(List<PulseService.Shown> pulses, Questionnaire questionnaire,
                                           ScanResult result, ScanMode mode, @Nullable Comparison comparison,
                                           Language language) {
        return pulses.stream().map(p -> view(p, questionnaire, result, mode, comparison, language)).toList();
    }

    public Map<String, Object> view(PulseService.Shown shown, Questionnaire questionnaire, @Nullable ScanResult result,
                                    ScanMode mode, @Nullable Comparison comparison, Language language) {
        PulseResults.Summary summary = shown.summary();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", shown.pulse().id());
        view.put("team", shown.pulse().team());
        view.put("round", shown.pulse().round());
        view.put("closed", shown.pulse().closed());
        view.put("received", summary.received());
        view.put("published", summary.published());
        view.put("needed", summary.needed());
        view.put("minimum", summary.minimum());
        view.put("shown", summary.shown());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (PulseResults.SectionResult section : summary.sections()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", section.section());
            row.put("title", questionnaire.section(section.section()).map(s -> s.title().in(language))
                    .orElse(section.section()));
            row.put("teamScore", section.score());
            row.put("teamLight", section.light().name());
            row.put("teamLightLabel", light(section.light().name(), language));
            Optional<SectionLight> own = result == null ? Optional.empty() : result.sections().stream()
                    .filter(s -> s.section().id().equals(section.section())).findFirst();
            row.put("ownLabel", messages.get(language, mode == ScanMode.COACH ? "pulse.view.coach" : "pulse.view.employer"));
            own.ifPresent(s -> {
                row.put("ownLight", s.light().name());
                row.put("ownLightLabel", light(s.light().name(), language));
                row.put("ownScore", s.score());
            });
            if (comparison != null && mode == ScanMode.COACH) {
                comparison.sections().stream().filter(c -> c.section().id().equals(section.section())).findFirst()
                        .ifPresent(c -> {
                            row.put("employerLight", c.employerLight().name());
                            row.put("employerLightLabel", light(c.employerLight().name(), language));
                            row.put("employerScore", c.employerScore());
                        });
            }
            sections.add(row);
        }
        view.put("sections", sections);
        view.put("statements", summary.statements().stream().map(s -> Map.<String, Object>of(
                "text", s.statement().text().in(language),
                "section", s.statement().section(),
                "score", s.score())).toList());
        return view;
    }

    private String light(String light, Language language) {
        return messages.get(language, "light." + light);
    }
}
