package nl.groenlicht.advice;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The action plan of a scan in the database; saving replaces the whole plan, but only the version it was read at:
 * of two writers who read the same version, the second is refused instead of silently undoing the first.
 */
@Singleton
public class PlanStore {

    private final JdbcOperations jdbc;

    PlanStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public List<PlanLine> read(long scanId) {
        return jdbc.prepareStatement(
                "SELECT advice_id, owner, target_date FROM plan_line WHERE scan_id = ? ORDER BY position", ps -> {
                    ps.setLong(1, scanId);
                    List<PlanLine> lines = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            lines.add(new PlanLine(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()));
                        }
                    }
                    return lines;
                });
    }

    /** The version of the plan as it is now; each save adds one. */
    @Transactional
    public int version(long scanId) {
        return jdbc.prepareStatement("SELECT plan_version FROM scan WHERE id = ?", ps -> {
            ps.setLong(1, scanId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Replaces the plan read at {@code readVersion}; throws {@link StalePlanException} if it changed since. */
    @Transactional
    public void replace(long scanId, int readVersion, List<PlanLine> lines) {
        int claimed = jdbc.prepareStatement(
                "UPDATE scan SET plan_version = plan_version + 1 WHERE id = ? AND plan_version = ?", ps -> {
                    ps.setLong(1, scanId);
                    ps.setInt(2, readVersion);
                    return ps.executeUpdate();
                });
        if (claimed == 0) {
            throw new StalePlanException(scanId);
        }
        jdbc.prepareStatement("DELETE FROM plan_line WHERE scan_id = ?", ps -> {
            ps.setLong(1, scanId);
            return ps.executeUpdate();
        });
        for (int i = 0; i < lines.size(); i++) {
            PlanLine line = lines.get(i);
            int position = i;
            jdbc.prepareStatement("INSERT INTO plan_line (scan_id, advice_id, owner, target_date, position)"
                    + " VALUES (?, ?, ?, ?, ?)", ps -> {
                ps.setLong(1, scanId);
                ps.setString(2, line.adviceId());
                ps.setString(3, line.owner());
                ps.setDate(4, Date.valueOf(line.targetDate()));
                ps.setInt(5, position);
                return ps.executeUpdate();
            });
        }
    }
}
