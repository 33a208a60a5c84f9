package nl.groenlicht.account;

import io.micronaut.security.authentication.AuthenticationResponse;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * One login check for the login page and for HTTP Basic on the API: throttled per account and address, audited,
 * and answered the same way for a wrong e-mail, a wrong password and a disabled account.
 */
@Singleton
public class StaffLogin {

    /** Request attribute: this request's HTTP Basic login was throttled. */
    public static final String THROTTLED = "groenlicht.login.throttled";
    /** Authentication attribute: the password was set by an administrator, and is to be changed before anything else. */
    public static final String MUST_CHANGE_PASSWORD = "mustChangePassword";

    /** How a login attempt ended. */
    public enum Outcome {
        OK, WRONG, THROTTLED
    }

    /** The outcome and, when OK, what the security layer needs to know. */
    public record Result(Outcome outcome, AuthenticationResponse response) {
    }

    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    StaffLogin(AccountService accounts, LoginThrottle throttle, AuditLog audit) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
    }

    public Result attempt(String email, String password, String address) {
        String who = AccountService.normaliseEmail(email);
        if (!throttle.tryAttempt(who, address)) {
            audit.record(who, "LOGIN_THROTTLED", null, address);
            return new Result(Outcome.THROTTLED, AuthenticationResponse.failure());
        }
        return accounts.authenticate(who, password).map(account -> {
            throttle.succeeded(who, address);
            audit.record(who, "LOGIN", null, address);
            return new Result(Outcome.OK, AuthenticationResponse.success(account.email(),
                    List.of(account.role().name()), Map.of("name", account.name(), "accountId", account.id(),
                            MUST_CHANGE_PASSWORD, account.mustChangePassword())));
        }).orElseGet(() -> {
            audit.record(who, "LOGIN_FAILED", null, address);
            return new Result(Outcome.WRONG, AuthenticationResponse.failure());
        });
    }
}
