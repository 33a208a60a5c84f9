package nl.groenlicht.response;

import java.util.List;

/** Answers refused as a whole: nothing of the submission was stored. */
public class InvalidAnswersException extends RuntimeException {

    private final transient List<AnswerError> errors;

    public InvalidAnswersException(List<AnswerError> errors) {
        super(errors.size() + " answer(s) refused");
        this.errors = List.copyOf(errors);
    }

    public List<AnswerError> errors() {
        return errors;
    }
}
