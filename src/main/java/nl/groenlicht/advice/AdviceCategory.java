package nl.groenlicht.advice;

/** The kinds of advice, in the order the report groups them. */
public enum AdviceCategory {
    DECISION, JOB_CARVING, WORKPLACE, TRAINING, GUIDANCE, FINANCIAL, REFERRAL
}
