package nl.groenlicht.scan;

import nl.groenlicht.seeddata.SeedDataException;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

/** Records the fingerprint of every questionnaire version in use and refuses a published version that changed. */
@Singleton
class PublishedVersions {

    private final JdbcOperations jdbc;

    PublishedVersions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void register(LoadedQuestionnaire loaded) {
        Questionnaire q = loaded.questionnaire();
        String known = jdbc.prepareStatement(
                "SELECT fingerprint FROM questionnaire_version WHERE questionnaire_id = ? AND version = ?", ps -> {
                    ps.setString(1, q.id());
                    ps.setInt(2, q.version());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                });
        if (known == null) {
            jdbc.prepareStatement("INSERT INTO questionnaire_version (questionnaire_id, version, fingerprint, first_loaded_at)"
                    + " VALUES (?, ?, ?, ?)", ps -> {
                ps.setString(1, q.id());
                ps.setInt(2, q.version());
                ps.setString(3, loaded.fingerprint());
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                return ps.executeUpdate();
            });
        } else if (!known.equals(loaded.fingerprint())) {
            throw new SeedDataException(loaded.file() + ": " + q.id() + " version " + q.version()
                    + " was published with different content; a published version never changes:"
                    + " copy the file, raise 'version' and edit the copy");
        }
    }
}
