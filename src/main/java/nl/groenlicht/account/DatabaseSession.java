package nl.groenlicht.account;

import io.micronaut.session.InMemorySession;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A staff session whose attributes are kept in the database between requests (see {@link DatabaseSessionStore}). */
public class DatabaseSession extends InMemorySession {

    DatabaseSession(String id, Instant createdAt, Duration maxInactive) {
        super(id, createdAt, maxInactive);
        // The framework would take the system time; the store measures lifetimes on its own clock.
        lastAccessTime = createdAt;
    }

    /** A session read back from the database: its attributes as stored, not marked as changed. */
    static DatabaseSession stored(String id, Instant createdAt, Instant lastAccessed, Duration maxInactive,
                                  Map<String, Object> attributes) {
        DatabaseSession session = new DatabaseSession(id, createdAt, maxInactive);
        session.attributeMap.putAll(attributes);
        session.lastAccessTime = lastAccessed;
        session.setNew(false);
        return session;
    }

    Map<CharSequence, Object> attributeMap() {
        return attributeMap;
    }
}
