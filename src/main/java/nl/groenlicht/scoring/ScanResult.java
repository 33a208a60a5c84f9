package nl.groenlicht.scoring;

import java.util.List;

/** The outcome of a scan: one light per section and the verdict over all of them. */
public record ScanResult(Readiness readiness, List<SectionLight> sections) {

    /** The sections that keep the verdict from READY, in questionnaire order. */
    public List<SectionLight> holdingBack() {
        return sections.stream()
                .filter(s -> s.light() != Light.GREEN && s.light() != Light.NOT_APPLICABLE)
                .toList();
    }
}
