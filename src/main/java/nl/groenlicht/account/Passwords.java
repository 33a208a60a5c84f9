package nl.groenlicht.account;

import org.mindrot.jbcrypt.BCrypt;

/** bcrypt password hashes. */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; longer passwords would be cut without a word. */
    public static final int MAX_BYTES = 72;
    private static final int COST = 11;
    /**
     * Compared against when the account does not exist, so that a wrong e-mail costs as much time as a wrong password.
     * A fixed hash (of random bytes nobody kept, at the same cost) rather than one computed when this class loads: that
     * cost a second bcrypt round, about 200 ms, at the start that creates the first administrator.
     */
    static final String DUMMY_HASH = "$2a$11$umazFTH41RNB59k692AmpuRMx90JU0psKCR2mX2L2PFia1PYC39hq";

    private Passwords() {
    }

    public static String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(COST));
    }

    public static boolean matches(String password, String hash) {
        return BCrypt.checkpw(password, hash == null ? DUMMY_HASH : hash) && hash != null;
    }
}
