package nl.groenlicht.response;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.SectionLight;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The stored verdict and section lights of scans; callers hold the transaction. */
@Singleton
class ScanSummaries {

    private static final String INSERT = "INSERT INTO section_score (light, score, scan_id, section_id) VALUES (?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE section_score SET light = ?, score = ? WHERE scan_id = ? AND section_id = ?";

    private final JdbcOperations jdbc;

    ScanSummaries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the verdict and every section's light, replacing whatever was stored for the scan. */
    void write(long scanId, ScanResult result) {
        writeReadiness(scanId, result);
        jdbc.prepareStatement("DELETE FROM section_score WHERE scan_id = ?", ps -> {
            ps.setLong(1, scanId);
            return ps.executeUpdate();
        });
        writeSections(INSERT, scanId, result.sections());
    }

    /**
     * Stores the verdict and the section lights that differ from the stored ones: a save changes one section, so it
     * updates one row, not the seven it deleted and inserted before.
     */
    void update(long scanId, ScanResult result) {
        Map<String, SectionScore> stored = read(List.of(scanId)).getOrDefault(scanId, Map.of());
        boolean sameSections = stored.size() == result.sections().size()
                && result.sections().stream().allMatch(s -> stored.containsKey(s.section().id()));
        if (!sameSections) {
            write(scanId, result);
            return;
        }
        writeReadiness(scanId, result);
        writeSections(UPDATE, scanId, result.sections().stream()
                .filter(s -> !stored.get(s.section().id()).equals(SectionScore.of(s)))
                .toList());
    }

    private void writeReadiness(long scanId, ScanResult result) {
        jdbc.prepareStatement("UPDATE scan SET readiness = ? WHERE id = ?", ps -> {
            ps.setString(1, result.readiness().name());
            ps.setLong(2, scanId);
            return ps.executeUpdate();
        });
    }

    private void writeSections(String sql, long scanId, List<SectionLight> sections) {
        if (sections.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, ps -> {
            for (SectionLight section : sections) {
                ps.setString(1, section.light().name());
                ps.setObject(2, section.score());
                ps.setLong(3, scanId);
                ps.setString(4, section.section().id());
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
