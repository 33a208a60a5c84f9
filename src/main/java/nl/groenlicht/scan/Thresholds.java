package nl.groenlicht.scan;

/** A section is GREEN from {@code green}, ORANGE from {@code orange}, and RED below. */
public record Thresholds(int green, int orange) {

    public static final Thresholds DEFAULT = new Thresholds(75, 50);
}
