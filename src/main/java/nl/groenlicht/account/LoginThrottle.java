package nl.groenlicht.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Slows down password guessing without letting anyone lock a colleague out (issue 16, M-8). Failures count per
 * (account, client address) pair: after {@value #FAILURES_PER_PAIR} the pair waits 1 minute, then 2, 4 … up to an
 * hour, while the right password from another address still works. Besides that, one address gets a limited number
 * of failures per window whatever the accounts, and one account a generous ceiling across all addresses together,
 * against guessing spread over many addresses (reaching it refuses that account for the rest of the window: the price
 * of stopping a distributed guess).
 * <p>
 * A password check is counted before it is made, in the same transaction that reads the counts with the rows locked,
 * and given back when the password was right: parallel attempts cannot pass more checks than the limits allow (L-10).
 * The counts live in the database, so every instance behind a load balancer sees the same.
 */
@Singleton
public class LoginThrottle {

    static final int FAILURES_PER_PAIR = 5;
    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** A pair's growing wait starts again from one minute after a day without failures. */
    private static final Duration MEMORY = Duration.ofDays(1);

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final int maxFailuresPerAddress;
    private final int maxFailuresPerAccount;

    LoginThrottle(JdbcOperations jdbc, Clock clock,
                  @Value("${groenlicht.login.max-failures-per-address:20}") int maxFailuresPerAddress,
                  @Value("${groenlicht.login.max-failures-per-account:100}") int maxFailuresPerAccount) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.maxFailuresPerAccount = maxFailuresPerAccount;
    }

    /**
     * Whether this account may have its password checked from this address now; when so, the check is counted as a
     * failure until {@link #succeeded} gives it back.
     */
    @Transactional
    public boolean tryAttempt(String email, String address) {
        Instant now = clock.instant();
        String pairKey = pairKey(email, address);
        List<Counter> counters = new ArrayList<>();
        // Locked in the same order by every attempt, so that two attempts never wait for each other in a circle.
        Stream.of(accountKey(email), addressKey(address), pairKey).sorted()
                .forEach(key -> counters.add(locked(key, now)));
        boolean allowed = counters.stream().allMatch(c -> c.allows(limitOf(c.key), now));
        if (allowed) {
            counters.forEach(c -> save(c.counted(now, c.key.equals(pairKey))));
        }
        return allowed;
    }

    /** The right password: the pair starts afresh, and the check counted for the address and account is given back. */
    @Transactional
    public void succeeded(String email, String address) {
        jdbc.prepareStatement("DELETE FROM login_throttle WHERE throttle_key = ?", ps -> {
            ps.setString(1, pairKey(email, address));
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE login_throttle SET failures = failures - 1 WHERE throttle_key IN (?, ?) "
                + "AND failures > 0", ps -> {
            ps.setString(1, accountKey(email));
            ps.setString(2, addressKey(address));
            return ps.executeUpdate();
        });
    }

    /** Keys without failures for a day, and not waiting any more, are forgotten; each instance clears them now and then. */
    @Scheduled(fixedDelay = "15m", initialDelay = "2m")
    @Transactional
    void forgetOldFailures() {
        Instant now = clock.instant();
        jdbc.prepareStatement("DELETE FROM login_throttle WHERE last_failure_at < ? "
                + "AND (blocked_until IS NULL OR blocked_until < ?)", ps -> {
            ps.setTimestamp(1, Timestamp.from(now.minus(MEMORY)));
            ps.setTimestamp(2, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    private int limitOf(String key) {
        if (key.startsWith("pair:")) {
            return FAILURES_PER_PAIR;
        }
        return key.startsWith("address:") ? maxFailuresPerAddress : maxFailuresPerAccount;
    }

    private Counter locked(String key, Instant now) {
        jdbc.prepareStatement("INSERT INTO login_throttle (throttle_key, failures, window_start, blocks, "
                + "last_failure_at) VALUES (?, 0, ?, 0, ?) ON CONFLICT DO NOTHING", ps -> {
            ps.setString(1, key);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("SELECT failures, window_start, blocked_until, blocks FROM login_throttle "
                + "WHERE throttle_key = ? FOR UPDATE", ps -> {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp blockedUntil = rs.getTimestamp(3);
                return new Counter(key, rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        blockedUntil == null ? null : blockedUntil.toInstant(), rs.getInt(4));
            }
        });
    }

    private void save(Counter c) {
        jdbc.prepareStatement("UPDATE login_throttle SET failures = ?, window_start = ?, blocked_until = ?, "
                + "blocks = ?, last_failure_at = ? WHERE throttle_key = ?", ps -> {
            ps.setInt(1, c.failures);
            ps.setTimestamp(2, Timestamp.from(c.windowStart));
            ps.setTimestamp(3, c.blockedUntil == null ? null : Timestamp.from(c.blockedUntil));
            ps.setInt(4, c.blocks);
            ps.setTimestamp(5, Timestamp.from(c.lastFailureAt));
            ps.setString(6, c.key);
            return ps.executeUpdate();
        });
    }

    /** One key's row; {@code lastFailureAt} is only known once counted. */
    private record Counter(String key, int failures, Instant windowStart, Instant blockedUntil, int blocks,
                           Instant lastFailureAt) {

        Counter(String key, int failures, Instant windowStart, Instant blockedUntil, int blocks) {
            this(key, failures, windowStart, blockedUntil, blocks, null);
        }

        boolean allows(int limit, Instant now) {
            boolean waiting = blockedUntil != null && now.isBefore(blockedUntil);
            return !waiting && failuresAt(now) < limit;
        }

        private int failuresAt(Instant now) {
            return now.isBefore(windowStart.plus(WINDOW)) ? failures : 0;
        }

        /** This row with one more failure; a pair that reaches its limit waits twice as long as the time before. */
        Counter counted(Instant now, boolean pair) {
            boolean newWindow = !now.isBefore(windowStart.plus(WINDOW));
            int counted = failuresAt(now) + 1;
            Instant start = newWindow ? now : windowStart;
            if (pair && counted >= FAILURES_PER_PAIR) {
                Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(blocks, 6));
                return new Counter(key, 0, now, now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait),
                        blocks + 1, now);
            }
            return new Counter(key, counted, start, blockedUntil, blocks, now);
        }
    }

    private static String pairKey(String email, String address) {
        return "pair:" + clip(AccountService.normaliseEmail(email), 300) + " " + clip(address, 64);
    }

    private static String accountKey(String email) {
        return "account:" + clip(AccountService.normaliseEmail(email), 300);
    }

    private static String addressKey(String address) {
        return "address:" + clip(address, 64);
    }

    private static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
