package nl.groenlicht.advice;

/** The plan was saved by someone else after this writer read it; nothing was saved. */
public class StalePlanException extends RuntimeException {

    public StalePlanException(long scanId) {
        super("the plan of scan " + scanId + " changed since it was read");
    }
}
