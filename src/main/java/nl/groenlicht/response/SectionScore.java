package nl.groenlicht.response;

import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.SectionLight;

/** A section's light and score as stored with a scan; the score is null when nothing in the section was scored. */
public record SectionScore(String sectionId, Light light, Integer score) {

    static SectionScore of(SectionLight section) {
        return new SectionScore(section.section().id(), section.light(), section.score());
    }
}
