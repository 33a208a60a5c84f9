package nl.groenlicht.response;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.SectionLight;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The stored verdict and section lights of scans; callers hold the transaction. */
@Singleton
class ScanSummaries {

    private final JdbcOperations jdbc;

    ScanSummaries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void write(long scanId, ScanResult result) {
        jdbc.prepareStatement("UPDATE scan SET readiness = ? WHERE id = ?", ps -> {
            ps.setString(1, result.readiness().name());
            ps.setLong(2, scanId);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("DELETE FROM section_score WHERE scan_id = ?", ps -> {
            ps.setLong(1, scanId);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO section_score (scan_id, section_id, light, score) VALUES (?, ?, ?, ?)", ps -> {
            for (SectionLight section : result.sections()) {
                ps.setLong(1, scanId);
                ps.setString(2, section.section().id());
                ps.setString(3, section.light().name());
                ps.setObject(4, section.score());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** The section scores of each of the scans, by section id. */
    Map<Long, Map<String, SectionScore>> read(Collection<Long> scanIds) {
        if (scanIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, SectionScore>> byScan = new HashMap<>();
        String marks = scanIds.stream().map(id -> "?").collect(Collectors.joining(","));
        jdbc.prepareStatement("SELECT scan_id, section_id, light, score FROM section_score WHERE scan_id IN ("
                + marks + ")", ps -> {
            int index = 1;
            for (Long id : scanIds) {
                ps.setLong(index++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SectionScore score = new SectionScore(rs.getString(2), Light.valueOf(rs.getString(3)),
                            rs.getObject(4, Integer.class));
                    byScan.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(score.sectionId(), score);
                }
            }
            return null;
        });
        return byScan;
    }
}
