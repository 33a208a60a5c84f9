package nl.groenlicht.scoring;

/** The traffic light of one section. NOT_APPLICABLE: the section's own condition does not hold (e.g. no client sites). */
public enum Light {
    GREEN, ORANGE, RED, INCOMPLETE, NOT_APPLICABLE
}
