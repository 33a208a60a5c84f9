package nl.groenlicht.response;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.groenlicht.scan.AnswerType;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Questionnaire;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers in the database, one row per item; callers hold the transaction. */
@Singleton
class AnswerStore {

    // An update, then an insert where there was no answer yet: H2 ran a MERGE through the index on scan_id alone, reading
    // all of the scan's answers for each item (41 % of a save's samples, bench/). Saves of one scan take turns (the
    // scan row is locked first), so no other save can insert the same answer in between.
    private static final String UPDATE = "UPDATE answer SET answer_value = ?, updated_at = ? WHERE scan_id = ? AND item_id = ?";
    private static final String INSERT = "INSERT INTO answer (answer_value, updated_at, scan_id, item_id) VALUES (?, ?, ?, ?)";

    private final JdbcOperations jdbc;

    AnswerStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void write(long scanId, Map<String, List<String>> answers, Instant at) {
        answers.forEach((itemId, values) -> {
            if (values.isEmpty()) {
                jdbc.prepareStatement("DELETE FROM answer WHERE scan_id = ? AND item_id = ?", ps -> {
                    ps.setLong(1, scanId);
                    ps.setString(2, itemId);
                    return ps.executeUpdate();
                });
            } else {
                String value = String.join(",", values);
                if (upsert(UPDATE, scanId, itemId, value, at) == 0) {
                    upsert(INSERT, scanId, itemId, value, at);
                }
            }
        });
    }

    private int upsert(String sql, long scanId, String itemId, String value, Instant at) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, value);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setLong(3, scanId);
            ps.setString(4, itemId);
            return ps.executeUpdate();
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
