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

    private static final String UPSERT = """
            MERGE INTO answer a
            USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(4000)),
                           CAST(? AS TIMESTAMP WITH TIME ZONE))) AS v (scan_id, item_id, answer_value, updated_at)
            ON a.scan_id = v.scan_id AND a.item_id = v.item_id
            WHEN MATCHED THEN UPDATE SET answer_value = v.answer_value, updated_at = v.updated_at
            WHEN NOT MATCHED THEN INSERT (scan_id, item_id, answer_value, updated_at)
                VALUES (v.scan_id, v.item_id, v.answer_value, v.updated_at)""";

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
                jdbc.prepareStatement(UPSERT, ps -> {
                    ps.setLong(1, scanId);
                    ps.setString(2, itemId);
                    ps.setString(3, String.join(",", values));
                    ps.setTimestamp(4, Timestamp.from(at));
                    return ps.executeUpdate();
                });
            }
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
