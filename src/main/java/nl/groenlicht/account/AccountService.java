package nl.groenlicht.account;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.groenlicht.validation.InvalidFieldsException;
import nl.groenlicht.validation.Names;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating, checking and changing staff accounts. */
@Singleton
public class AccountService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cc}]+@[^@\\s\\p{Cc}]+\\.[^@\\s\\p{Cc}]+");

    private final AccountRepository accounts;
    private final SessionRows sessions;
    private final Clock clock;

    AccountService(AccountRepository accounts, SessionRows sessions, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
    }

    public static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** An account whose holder chose the password (the first administrator, from the environment). */
    @Transactional
    public Account create(String email, String name, String password, Role role) {
        return create(email, name, password, role, false);
    }

    /** A coach account with a password the administrator chose: the coach replaces it at their first login. */
    @Transactional
    public Account createCoach(String email, String name, String password) {
        return create(email, name, password, Role.COACH, true);
    }

    private Account create(String email, String name, String password, Role role, boolean temporary) {
        String normalised = normaliseEmail(email);
        Map<String, String> problems = new LinkedHashMap<>();
        if (!EMAIL.matcher(normalised).matches() || normalised.length() > 254) {
            problems.put("email", "account.error.email");
        } else if (accounts.findByEmail(normalised).isPresent()) {
            problems.put("email", "account.error.emailTaken");
        }
        Optional<String> cleanName = Names.cleaned(name, 200);
        if (cleanName.isEmpty()) {
            problems.put("name", "account.error.name");
        }
        passwordProblem(password, normalised).ifPresent(p -> problems.put("password", p));
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return accounts.save(new Account(null, normalised, cleanName.get(), Passwords.hash(password), role, true,
                clock.instant(), null, temporary));
    }

    /** What is wrong with this password for the account with this (normalised) e-mail address, if anything. */
    private static Optional<String> passwordProblem(String password, String email) {
        if (password == null || password.length() < Passwords.MIN_LENGTH) {
            return Optional.of("account.error.passwordShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            return Optional.of("account.error.passwordLong");
        }
        if (CommonPasswords.isCommon(password)) {
            return Optional.of("account.error.passwordCommon");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String localPart = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        if ((!email.isEmpty() && lower.contains(email)) || (localPart.length() >= 3 && lower.contains(localPart))) {
            return Optional.of("account.error.passwordEmail");
        }
        return Optional.empty();
    }

    /** The enabled account with this e-mail and password, if any. */
    @Transactional
    public Optional<Account> authenticate(String email, String password) {
        Optional<Account> account = accounts.findByEmail(normaliseEmail(email));
        boolean matches = password != null
                && password.getBytes(StandardCharsets.UTF_8).length <= Passwords.MAX_BYTES
                && Passwords.matches(password, account.map(Account::passwordHash).orElse(null));
        return account.filter(a -> matches && a.enabled());
    }

    @Transactional
    public Optional<Account> find(long id) {
        return accounts.findById(id);
    }

    @Transactional
    public Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(normaliseEmail(email));
    }

    @Transactional
    public List<Account> coaches() {
        return accounts.findByRoleOrderByEmail(Role.COACH);
    }

    /** The coach account with this id; empty for an administrator or an unknown id. */
    @Transactional
    public Optional<Account> coach(long id) {
        return accounts.findById(id).filter(a -> a.role() == Role.COACH);
    }

    /** Disabling an account ends its sessions at once; enabling it gives none back. */
    @Transactional
    public void setEnabled(long id, boolean enabled) {
        accounts.updateEnabled(id, enabled);
        if (!enabled) {
            endSessions(id);
        }
    }

    /**
     * A password set by an administrator: temporary, so the holder chooses their own at the next login. A new password
     * ends the sessions opened with the old one (whoever knew it is logged out).
     */
    @Transactional
    public void resetPassword(long id, String password) {
        setPassword(id, password, true);
    }

    /**
     * The holder changes their own password, proving it with the current one; every session of the account ends, this
     * one too (the caller logs its holder in anew).
     */
    @Transactional
    public void changeOwnPassword(long id, String current, String password, String repeated) {
        Account account = accounts.findById(id).orElseThrow();
        if (current == null || current.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES
                || !Passwords.matches(current, account.passwordHash())) {
            throw new InvalidFieldsException(Map.of("currentPassword", "account.error.currentPassword"));
        }
        if (password != null && !password.equals(repeated)) {
            throw new InvalidFieldsException(Map.of("repeatPassword", "account.error.passwordRepeat"));
        }
        if (current.equals(password)) {
            throw new InvalidFieldsException(Map.of("password", "account.error.passwordSame"));
        }
        setPassword(id, password, false);
    }

    private void setPassword(long id, String password, boolean temporary) {
        String email = accounts.findById(id).map(Account::email).orElse("");
        passwordProblem(password, email).ifPresent(p -> {
            throw new InvalidFieldsException(Map.of("password", p));
        });
        accounts.update(id, Passwords.hash(password), temporary);
        endSessions(id);
    }

    private void endSessions(long id) {
        accounts.updateSessionsEndedAt(id, clock.instant());
        sessions.deleteOfAccount(id);
    }

    /**
     * Whether what a session of this account was given at {@code issuedAt} (a site-visit scan's token) still counts:
     * the account is enabled and its sessions were not ended since.
     */
    @Transactional
    public boolean stillTrusts(long accountId, Instant issuedAt) {
        return accounts.findById(accountId).filter(Account::enabled)
                .map(a -> a.sessionsEndedAt() == null || a.sessionsEndedAt().isBefore(issuedAt))
                .orElse(false);
    }

    /** True when no account exists yet: only then may the first administrator be created from the environment. */
    @Transactional
    public boolean none() {
        return accounts.count() == 0;
    }
}
