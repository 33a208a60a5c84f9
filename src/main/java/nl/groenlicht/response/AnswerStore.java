package nl.groenlicht.response;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.groenlicht.scan.AnswerType;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Questionnaire;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers in the database, one row per item; callers hold the transaction. */
@Singleton
class AnswerStore {

    private static final String DELETE = "DELETE FROM answer WHERE scan_id = ? AND item_id = ?";
    private static final String UPDATE = "UPDATE answer SET answer_value = ?, updated_at = ? WHERE scan_id = ? AND item_id = ?";
    private static final String INSERT = "INSERT INTO answer (answer_value, updated_at, scan_id, item_id) VALUES (?, ?, ?, ?)";

    private final JdbcOperations jdbc;

    AnswerStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores {@code answers} over the {@code stored} ones, which the caller read in the same transaction: unchanged
     * answers are not written, and each row is updated, inserted or deleted as it exists or not (H2 ran a MERGE
     * through the index on scan_id alone, reading all of the scan's answers for each item).
     */
    void write(long scanId, Answers stored, Map<String, List<String>> answers, Instant at) {
        List<String> deleted = new ArrayList<>();
        Map<String, String> updated = new LinkedHashMap<>();
        Map<String, String> inserted = new LinkedHashMap<>();
        answers.forEach((itemId, values) -> {
            if (values.isEmpty()) {
                if (stored.has(itemId)) {
                    deleted.add(itemId);
                }
            } else if (!values.equals(stored.values(itemId))) {
                (stored.has(itemId) ? updated : inserted).put(itemId, String.join(",", values));
            }
        });
        if (!deleted.isEmpty()) {
            jdbc.prepareStatement(DELETE, ps -> {
                for (String itemId : deleted) {
                    ps.setLong(1, scanId);
                    ps.setString(2, itemId);
                    ps.addBatch();
                }
                return ps.executeBatch();
            });
        }
        upsert(UPDATE, scanId, updated, at);
        upsert(INSERT, scanId, inserted, at);
    }

    private void upsert(String sql, long scanId, Map<String, String> values, Instant at) {
        if (values.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, ps -> {
            Timestamp timestamp = Timestamp.from(at);
            for (Map.Entry<String, String> answer : values.entrySet()) {
                ps.setString(1, answer.getValue());
                ps.setTimestamp(2, timestamp);
                ps.setLong(3, scanId);
                ps.setString(4, answer.getKey());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    Answers read(long scanId, Questionnaire questionnaire) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT item_id, answer_value FROM answer WHERE scan_id = ?", ps -> {
            ps.setLong(1, scanId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String itemId = rs.getString(1);
                    String value = rs.getString(2);
                    questionnaire.item(itemId).ifPresent(item -> answers.put(itemId,
                            item.type() == AnswerType.MULTI ? Arrays.asList(value.split(",")) : List.of(value)));
                }
            }
            return null;
        });
        return new Answers(answers);
    }
}
