package nl.groenlicht.response;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Limits how many anonymous self-assessments are started per client address and in all, per fixed window: without it,
 * one client could fill the disk with empty scans (security review H-2). Counted in the database, so that the limit
 * holds across instances. Coaches' scans and invitations are not counted: they need a login.
 */
@Singleton
public class ScanStartLimit {

    private static final String ALL = "all";

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final int perAddress;
    private final int inAll;
    private final Duration window;

    ScanStartLimit(JdbcOperations jdbc, Clock clock,
                   @Value("${groenlicht.limits.self-assessments-per-address:10}") int perAddress,
                   @Value("${groenlicht.limits.self-assessments-in-all:300}") int inAll,
                   @Value("${groenlicht.limits.self-assessment-window:10m}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAddress = perAddress;
        this.inAll = inAll;
        this.window = window;
    }

    /**
     * Counts one start from {@code address} if both limits allow it. Empty when allowed, else how long until the
     * current window ends. A refused attempt counts against the address too, so retrying quickly does not help.
     */
    @Transactional
    public Optional<Duration> tryStart(String address) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        boolean allowed = count("address:" + clip(address), windowStart, perAddress) && count(ALL, windowStart, inAll);
        return allowed ? Optional.empty() : Optional.of(Duration.between(now, windowStart.plus(window)));
    }

    /**
     * Adds one to the bucket's count for the window unless it has reached {@code limit}. Each statement is atomic on
     * its own, so concurrent starts on several instances never count past the limit.
     */
    private boolean count(String bucket, Instant windowStart, int limit) {
        Timestamp start = Timestamp.from(windowStart);
        if (increment(bucket, start, limit) == 1) {
            return true;
        }
        int inserted = jdbc.prepareStatement("INSERT INTO scan_start_count (bucket, window_start, started)"
                + " VALUES (?, ?, 1) ON CONFLICT DO NOTHING", ps -> {
                    ps.setString(1, bucket);
                    ps.setTimestamp(2, start);
                    return ps.executeUpdate();
                });
        if (inserted == 1) {
            return limit > 0;
        }
        // The row exists: it was full, or another request inserted it just now.
        return increment(bucket, start, limit) == 1;
    }

    private int increment(String bucket, Timestamp start, int limit) {
        return jdbc.prepareStatement("UPDATE scan_start_count SET started = started + 1"
                + " WHERE bucket = ? AND window_start = ? AND started < ?", ps -> {
                    ps.setString(1, bucket);
                    ps.setTimestamp(2, start);
                    ps.setInt(3, limit);
                    return ps.executeUpdate();
                });
    }

    /** Counts of windows that have passed are of no use; each instance clears them now and then. */
    @Scheduled(fixedDelay = "1h", initialDelay = "3m")
    @Transactional
    void forgetPastWindows() {
        jdbc.prepareStatement("DELETE FROM scan_start_count WHERE window_start < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(clock.instant().minus(window)));
            return ps.executeUpdate();
        });
    }

    /** Whole minutes to wait, rounded up, for the message. */
    public static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    /** The Retry-After value: whole seconds, rounded up. */
    public static String seconds(Duration wait) {
        return String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private static String clip(String address) {
        return address.length() <= 64 ? address : address.substring(0, 64);
    }
}
