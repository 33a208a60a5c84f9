package nl.groenlicht.pulse;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pulse tables; every method runs inside the caller's transaction ({@link PulseService}). */
@Singleton
class PulseStore {

    private static final String COLUMNS = "id, scan_id, team, round, definition_id, definition_version,"
            + " minimum_answers, link_token, received, opened_on, closed_on";

    private final JdbcOperations jdbc;

    PulseStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Pulse pulse) {
        jdbc.prepareStatement("INSERT INTO pulse (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)", ps -> {
            ps.setString(1, pulse.id());
            ps.setLong(2, pulse.scanId());
            ps.setString(3, pulse.team());
            ps.setInt(4, pulse.round());
            ps.setString(5, pulse.definitionId());
            ps.setInt(6, pulse.definitionVersion());
            ps.setInt(7, pulse.minimumAnswers());
            ps.setString(8, pulse.linkToken());
            ps.setInt(9, 0);
            ps.setDate(10, Date.valueOf(pulse.openedOn()));
            return ps.executeUpdate();
        });
    }

    int lastRound(long scanId, String team) {
        return jdbc.prepareStatement("SELECT COALESCE(MAX(round), 0) FROM pulse WHERE scan_id = ? AND team = ?", ps -> {
            ps.setLong(1, scanId);
            ps.setString(2, team);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    Optional<Pulse> byId(String id) {
        return one("SELECT " + COLUMNS + " FROM pulse WHERE id = ?", id);
    }

    Optional<Pulse> byLinkToken(String token) {
        return one("SELECT " + COLUMNS + " FROM pulse WHERE link_token = ?", token);
    }

    /** The pulse, with its row locked until the transaction ends: answers to one pulse are numbered one by one. */
    Optional<Pulse> lock(String id) {
        return one("SELECT " + COLUMNS + " FROM pulse WHERE id = ? FOR UPDATE", id);
    }

    List<Pulse> ofScan(long scanId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM pulse WHERE scan_id = ? ORDER BY team, round", ps -> {
            ps.setLong(1, scanId);
            List<Pulse> pulses = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pulses.add(pulse(rs));
                }
            }
            return pulses;
        });
    }

    /** Records that a device answered; false when it had already. */
    boolean addDevice(String pulseId, String deviceHash) {
        boolean known = jdbc.prepareStatement("SELECT 1 FROM pulse_device WHERE pulse_id = ? AND device_hash = ?",
                ps -> {
                    ps.setString(1, pulseId);
                    ps.setString(2, deviceHash);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
        if (known) {
            return false;
        }
        jdbc.prepareStatement("INSERT INTO pulse_device (pulse_id, device_hash) VALUES (?, ?)", ps -> {
            ps.setString(1, pulseId);
            ps.setString(2, deviceHash);
            return ps.executeUpdate();
        });
        return true;
    }

    void insertResponse(String responseId, Pulse pulse, int batch, Map<String, String> answers) {
        jdbc.prepareStatement("INSERT INTO pulse_response (id, pulse_id, batch) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, responseId);
            ps.setString(2, pulse.id());
            ps.setInt(3, batch);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO pulse_answer (response_id, statement_id, answer) VALUES (?, ?, ?)", ps -> {
            for (Map.Entry<String, String> answer : answers.entrySet()) {
                ps.setString(1, responseId);
                ps.setString(2, answer.getKey());
                ps.setString(3, answer.getValue());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        setReceived(pulse.id(), pulse.received() + 1);
    }

    private void setReceived(String pulseId, int received) {
        jdbc.prepareStatement("UPDATE pulse SET received = ? WHERE id = ?", ps -> {
            ps.setInt(1, received);
            ps.setString(2, pulseId);
            return ps.executeUpdate();
        });
    }

    /** Every response of the pulse with its batch; in no meaningful order. */
    List<PulseResults.Response> responses(String pulseId) {
        return jdbc.prepareStatement("SELECT r.id, r.batch, a.statement_id, a.answer FROM pulse_response r"
                + " JOIN pulse_answer a ON a.response_id = r.id WHERE r.pulse_id = ?", ps -> {
            ps.setString(1, pulseId);
            Map<String, Integer> batches = new LinkedHashMap<>();
            Map<String, Map<String, String>> values = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    batches.put(rs.getString(1), rs.getInt(2));
                    values.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(3), rs.getString(4));
                }
            }
            List<PulseResults.Response> responses = new ArrayList<>();
            batches.forEach((id, batch) -> responses.add(new PulseResults.Response(batch, Map.copyOf(values.get(id)))));
            return responses;
        });
    }

    /** Closes the pulse and deletes the responses of batches from {@code firstUnfinished} on, which are never shown. */
    void close(Pulse pulse, int firstUnfinished, LocalDate day) {
        int deleted = jdbc.prepareStatement("DELETE FROM pulse_response WHERE pulse_id = ? AND batch >= ?", ps -> {
            ps.setString(1, pulse.id());
            ps.setInt(2, firstUnfinished);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE pulse SET closed_on = ?, received = ? WHERE id = ?", ps -> {
            ps.setDate(1, Date.valueOf(day));
            ps.setInt(2, pulse.received() - deleted);
            ps.setString(3, pulse.id());
            return ps.executeUpdate();
        });
    }

    private Optional<Pulse> one(String sql, String value) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(pulse(rs)) : Optional.empty();
            }
        });
    }

    private static Pulse pulse(ResultSet rs) throws SQLException {
        Date closed = rs.getDate(11);
        return new Pulse(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getInt(6),
                rs.getInt(7), rs.getString(8), rs.getInt(9), rs.getDate(10).toLocalDate(),
                closed == null ? null : closed.toLocalDate());
    }
}
