package nl.groenlicht.scan;

public enum AnswerType {
    SCALE, YES_NO, CHOICE, MULTI, TEXT
}
