package nl.groenlicht.account;

import org.mindrot.jbcrypt.BCrypt;

/** bcrypt password hashes. */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; longer passwords would be cut without a word. */
    public static final int MAX_BYTES = 72;
    private static final int COST = 11;
    /** Compared against when the account does not exist, so that a wrong e-mail costs as much time as a wrong password. */
    private static final String DUMMY_HASH = BCrypt.hashpw("not a password of anyone", BCrypt.gensalt(COST));

    private Passwords() {
    }

    public static String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(COST));
    }

    public static boolean matches(String password, String hash) {
        return BCrypt.checkpw(password, hash == null ? DUMMY_HASH : hash) && hash != null;
    }
}
