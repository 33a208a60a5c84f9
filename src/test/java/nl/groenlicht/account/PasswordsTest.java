package nl.groenlicht.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordsTest {

    @Test
    void theHashComparedForAnUnknownAccountCostsAsMuchAsARealOne() {
        // "$2a$11$": algorithm and cost; a changed COST needs a new fixed hash, or unknown e-mails answer faster.
        assertEquals(Passwords.hash("een wachtwoord van twaalf").substring(0, 7), Passwords.DUMMY_HASH.substring(0, 7));
    }

    @Test
    void noPasswordMatchesAnAccountThatDoesNotExist() {
        assertFalse(Passwords.matches("not a password of anyone", null));
        assertFalse(Passwords.matches("", null));
    }

    @Test
    void aPasswordMatchesItsOwnHashOnly() {
        String hash = Passwords.hash("een wachtwoord van twaalf");
        assertTrue(Passwords.matches("een wachtwoord van twaalf", hash));
        assertFalse(Passwords.matches("een ander wachtwoord", hash));
    }
}
