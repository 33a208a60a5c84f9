package nl.groenlicht.validation;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamesTest {

    @Test
    void aNameIsKeptWithoutSurroundingSpaces() {
        assertEquals(Optional.of("Bakkerij Çelik & Zn. 🍞"), Names.cleaned("  Bakkerij Çelik & Zn. 🍞 ", 200));
    }

    @Test
    void blankTooLongAndControlCharactersAreRefused() {
        assertEquals(Optional.empty(), Names.cleaned(null, 200));
        assertEquals(Optional.empty(), Names.cleaned(" \t ", 200));
        assertEquals(Optional.empty(), Names.cleaned("a".repeat(201), 200));
        assertEquals(Optional.of("a".repeat(200)), Names.cleaned("a".repeat(200), 200));
        assertEquals(Optional.empty(), Names.cleaned("Groen\u0000 BV", 200));
        assertEquals(Optional.empty(), Names.cleaned("Groen\nBV", 200));
    }

    @Test
    void halfASurrogatePairIsRefused() {
        String bread = "🍞";
        assertEquals(Optional.empty(), Names.cleaned("Bakkerij " + bread.charAt(0), 200));
        assertEquals(Optional.empty(), Names.cleaned(bread.charAt(1) + " Bakkerij", 200));
    }
}
