package nl.groenlicht.account;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after too many failed logins for one account, or from one address, within a window,
 * further attempts are refused until the window has passed. Kept in memory for now: one instance only.
 */
@Singleton
public class LoginThrottle {

    static final int MAX_FAILURES_PER_ACCOUNT = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean allows(String email, String address) {
        return recent("account:" + AccountService.normaliseEmail(email)) < MAX_FAILURES_PER_ACCOUNT
                && recent("address:" + address) < MAX_FAILURES_PER_ADDRESS;
    }

    public void failed(String email, String address) {
        add("account:" + AccountService.normaliseEmail(email));
        add("address:" + address);
    }

    public void succeeded(String email) {
        failures.remove("account:" + AccountService.normaliseEmail(email));
    }

    private int recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant since = clock.instant().minus(WINDOW);
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    private void add(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }
}
