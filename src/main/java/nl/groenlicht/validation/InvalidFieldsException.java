package nl.groenlicht.validation;

import java.util.Map;

/** Input refused field by field; each problem is a key in the message bundles. Nothing was stored. */
public class InvalidFieldsException extends RuntimeException {

    private final transient Map<String, String> problems;

    public InvalidFieldsException(Map<String, String> problems) {
        super("refused: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    /** Message keys by field name. */
    public Map<String, String> problems() {
        return problems;
    }
}
