package nl.groenlicht.advice;

/** Who provides what the advice points to. */
public enum Provider {
    WSP, UWV, MUNICIPALITY, TAX_AUTHORITY, TRAINING_PROVIDER, JOBCOACH, EMPLOYER
}
