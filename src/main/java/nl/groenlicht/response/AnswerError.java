package nl.groenlicht.response;

/** Why a submitted answer was refused. */
public record AnswerError(String item, Problem problem) {

    /** Each problem has a user-facing text under {@code error.<name>} in the message bundles. */
    public enum Problem {
        UNKNOWN_ITEM, NOT_A_PROFILE_ITEM, NOT_AN_OPTION, ONE_VALUE_ONLY, TOO_LONG, CONTROL_CHARACTERS, REQUIRED;

        public String messageKey() {
            return "error." + name();
        }
    }
}
