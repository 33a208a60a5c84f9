package nl.groenlicht.scan;

/** A user-facing text in Dutch and English. */
public record Text(String nl, String en) {

    public String in(Language language) {
        return language == Language.EN ? en : nl;
    }
}
