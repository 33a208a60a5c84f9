package nl.groenlicht.seeddata;

/** Seed data that cannot be used; the message names the file, the place in it and what is wrong. */
public class SeedDataException extends RuntimeException {

    public SeedDataException(String message) {
        super(message);
    }
}
