package nl.groenlicht.scoring;

import nl.groenlicht.scan.Section;

import java.util.List;

/**
 * A section's light, its score (0..100, null when nothing could be scored) and the answers behind it:
 * knock-outs first, then the answers that cost most points, then gaps.
 */
public record SectionLight(Section section, Integer score, Light light, List<Reason> reasons,
                           int answered, int applicable) {

    public List<Reason> gaps() {
        return reasons.stream()
                .filter(r -> r.kind() == Reason.Kind.DONT_KNOW || r.kind() == Reason.Kind.UNANSWERED)
                .toList();
    }
}
