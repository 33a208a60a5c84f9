package nl.groenlicht.scoring;

/** The overall verdict: "all lights green" is READY. */
public enum Readiness {
    READY, CONDITIONAL, NOT_YET, INCOMPLETE
}
