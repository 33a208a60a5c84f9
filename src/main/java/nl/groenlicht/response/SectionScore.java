package nl.groenlicht.response;

import nl.groenlicht.scoring.Light;

/** A section's light and score as stored with a scan; the score is null when nothing in the section was scored. */
public record SectionScore(String sectionId, Light light, Integer score) {
}
