package nl.groenlicht.pulse.web;

import nl.groenlicht.pulse.PulseResults;
import nl.groenlicht.pulse.PulseService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scan's pulses in the exports (the scan's JSON export and the organisation's AVG export): the same k-anonymous
 * figures the pages show, never the single responses, which nobody can see or link to a person.
 */
public final class PulseExport {

    private PulseExport() {
    }

    public static List<Map<String, Object>> of(List<PulseService.Shown> pulses) {
        return pulses.stream().map(PulseExport::pulse).toList();
    }

    private static Map<String, Object> pulse(PulseService.Shown shown) {
        PulseResults.Summary summary = shown.summary();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("team", shown.pulse().team());
        json.put("round", shown.pulse().round());
        json.put("pulse", Map.of("id", shown.definition().id(), "version", shown.definition().version()));
        json.put("openedOn", shown.pulse().openedOn().toString());
        json.put("closedOn", shown.pulse().closed() ? shown.pulse().closedOn().toString() : null);
        json.put("minimumAnswers", summary.minimum());
        json.put("received", summary.received());
        json.put("shownOver", summary.published());
        json.put("sections", summary.sections().stream().map(s -> Map.of("section", s.section(), "score", s.score(),
                "light", s.light().name())).toList());
        json.put("statements", summary.statements().stream().map(s -> Map.of("statement", s.statement().id(),
                "score", s.score())).toList());
        return json;
    }
}
