package nl.groenlicht.scan;

/** A questionnaire as read from its file, with a fingerprint of the file's bytes to keep a published version fixed. */
public record LoadedQuestionnaire(Questionnaire questionnaire, String file, String fingerprint) {
}
