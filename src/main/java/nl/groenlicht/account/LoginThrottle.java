package nl.groenlicht.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down password guessing: after too many failed logins for one account, or from one address, within a window,
 * further attempts are refused until the window has passed. The failures are counted in the database, so every
 * instance behind a load balancer sees the same count.
 */
@Singleton
public class LoginThrottle {

    static final int MAX_FAILURES_PER_ACCOUNT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcOperations jdbc;
    private final int maxFailuresPerAddress;

    LoginThrottle(JdbcOperations jdbc,
                  @Value("${groenlicht.login.max-failures-per-address:20}") int maxFailuresPerAddress) {
        this.jdbc = jdbc;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
    }

    @Transactional
    public boolean allows(String email, String address) {
        Instant since = Instant.now().minus(WINDOW);
        return recent(accountKey(email), since) < MAX_FAILURES_PER_ACCOUNT
                && recent(addressKey(address), since) < maxFailuresPerAddress;
    }

    @Transactional
    public void failed(String email, String address) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.prepareStatement("INSERT INTO login_failure (failure_key, failed_at) VALUES (?, ?)", ps -> {
            for (String key : new String[] {accountKey(email), addressKey(address)}) {
                ps.setString(1, key);
                ps.setTimestamp(2, now);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    @Transactional
    public void succeeded(String email) {
        jdbc.prepareStatement("DELETE FROM login_failure WHERE failure_key = ?", ps -> {
            ps.setString(1, accountKey(email));
            return ps.executeUpdate();
        });
    }

    /** Failures older than the window no longer count; each instance clears them now and then. */
    @Scheduled(fixedDelay = "15m", initialDelay = "2m")
    @Transactional
    void forgetOldFailures() {
        jdbc.prepareStatement("DELETE FROM login_failure WHERE failed_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(WINDOW)));
            return ps.executeUpdate();
        });
    }

    private int recent(String key, Instant since) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM login_failure WHERE failure_key = ? AND failed_at >= ?",
                ps -> {
                    ps.setString(1, key);
                    ps.setTimestamp(2, Timestamp.from(since));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
    }

    private static String accountKey(String email) {
        return clip("account:" + AccountService.normaliseEmail(email));
    }

    private static String addressKey(String address) {
        return clip("address:" + address);
    }

    private static String clip(String key) {
        return key.length() <= 300 ? key : key.substring(0, 300);
    }
}
