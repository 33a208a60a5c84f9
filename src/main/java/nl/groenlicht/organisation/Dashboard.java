package nl.groenlicht.organisation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A staff member's organisations with the verdict of each one's latest scan, a page at a time, narrowed by name and
 * by verdict. The latest coach's scan counts over a later self-assessment: the coach saw the work floor.
 */
@Singleton
public class Dashboard {

    public static final int PAGE_SIZE = 50;
    /** The filter value for organisations without any scan. */
    public static final String NOT_SCANNED = "NONE";

    private static final String QUERY = """
            SELECT o.id, o.name, s.id, s.scan_mode, s.readiness, s.created_at
            FROM organisation o
            LEFT JOIN scan s ON s.id = (
                SELECT l.id FROM scan l WHERE l.organisation_id = o.id
                ORDER BY CASE WHEN l.scan_mode = 'COACH' THEN 0 ELSE 1 END, l.created_at DESC, l.id DESC
                LIMIT 1)
            WHERE (? OR o.coach_id = ?)
              AND LOWER(o.name) LIKE ? ESCAPE '!'
              AND (? = '' OR COALESCE(s.readiness, 'NONE') = ?)
            ORDER BY LOWER(o.name), o.id
            LIMIT ? OFFSET ?""";

    private final JdbcOperations jdbc;

    Dashboard(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One organisation and its latest scan; the scan fields are null when it has none. */
    public record Entry(long organisationId, String name, Long scanId, String scanMode, String readiness,
                        Instant scannedAt) {
    }

    /** A page of entries and whether another page follows. */
    public record Page(List<Entry> entries, int number, boolean hasNext) {
    }

    /**
     * @param nameContains part of the name, any case; empty for all
     * @param readiness    a {@code Readiness} name, {@link #NOT_SCANNED}, or empty for all
     * @param number       the page, from 1
     */
    @Transactional
    public Page page(Staff staff, String nameContains, String readiness, int number) {
        List<Entry> entries = new ArrayList<>();
        jdbc.prepareStatement(QUERY, ps -> {
            ps.setBoolean(1, staff.admin());
            ps.setLong(2, staff.accountId());
            ps.setString(3, "%" + likeEscaped(nameContains.toLowerCase(Locale.ROOT)) + "%");
            ps.setString(4, readiness);
            ps.setString(5, readiness);
            ps.setInt(6, PAGE_SIZE + 1);
            ps.setLong(7, (long) (number - 1) * PAGE_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return null;
        });
        boolean hasNext = entries.size() > PAGE_SIZE;
        return new Page(hasNext ? entries.subList(0, PAGE_SIZE) : entries, number, hasNext);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Timestamp scannedAt = rs.getTimestamp(6);
        return new Entry(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4),
                rs.getString(5), scannedAt == null ? null : scannedAt.toInstant());
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
