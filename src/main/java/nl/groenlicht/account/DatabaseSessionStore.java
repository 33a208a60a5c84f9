package nl.groenlicht.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.session.InMemorySessionStore;
import io.micronaut.session.SessionConfiguration;
import io.micronaut.session.SessionIdGenerator;
import io.micronaut.session.SessionStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Staff sessions in the database, so that any instance serves a logged-in coach. Stored are the logged-in staff
 * member (name, roles, attributes) and attributes that are plain text, numbers or booleans; nothing else is kept
 * between requests. The JDBC work runs on the blocking pool, never on the event loop.
 * <p>
 * A session ends after the inactive interval without use, and in any case {@code groenlicht.session.absolute-lifetime}
 * (12 hours in application.yml) after login, however busy: a stolen or forgotten session does not last for ever. Each row names
 * its staff member's account, so that disabling the account or setting its password ends them all
 * ({@link AccountService}).
 */
@Singleton
@Replaces(InMemorySessionStore.class)
public class DatabaseSessionStore implements SessionStore<DatabaseSession> {

    private static final String AUTHENTICATION = SecurityFilter.AUTHENTICATION.toString();

    private final SessionRows rows;
    private final SessionIdGenerator ids;
    private final SessionConfiguration configuration;
    private final JsonMapper json;
    private final ExecutorService blocking;
    private final Clock clock;
    private final Duration absoluteLifetime;

    DatabaseSessionStore(SessionRows rows, SessionIdGenerator ids, SessionConfiguration configuration, JsonMapper json,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking, Clock clock,
                         @Value("${groenlicht.session.absolute-lifetime}") Duration absoluteLifetime) {
        this.rows = rows;
        this.ids = ids;
        this.configuration = configuration;
        this.json = json;
        this.blocking = blocking;
        this.clock = clock;
        this.absoluteLifetime = absoluteLifetime;
    }

    @Override
    public DatabaseSession newSession() {
        return new DatabaseSession(ids.generateId(), clock.instant(), configuration.getMaxInactiveInterval());
    }

    @Override
    public CompletableFuture<Optional<DatabaseSession>> findSession(String id) {
        return CompletableFuture.supplyAsync(() -> {
            Instant now = clock.instant();
            return rows.findAndTouch(id, now, now.minus(absoluteLifetime))
                    .map(row -> DatabaseSession.stored(row.id(), row.createdAt(), row.lastAccessedAt(),
                            row.maxInactive(), attributes(row.attributes())));
        }, blocking);
    }

    @Override
    public CompletableFuture<Boolean> deleteSession(String id) {
        return CompletableFuture.supplyAsync(() -> rows.delete(id), blocking);
    }

    @Override
    public CompletableFuture<DatabaseSession> save(DatabaseSession session) {
        String attributes = json(session.attributeMap());
        SessionRows.Row row = new SessionRows.Row(session.getId(), session.getCreationTime(),
                session.getLastAccessedTime(), session.getMaxInactiveInterval(), attributes, accountId(session));
        return CompletableFuture.supplyAsync(() -> {
            if (session.isNew()) {
                rows.insert(row);
            } else {
                rows.update(row);
            }
            session.setNew(false);
            return session;
        }, blocking);
    }

    /** Sessions unused for the inactive interval or older than the absolute lifetime go; each instance checks. */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void removeExpired() {
        Instant now = clock.instant();
        rows.deleteExpired(now.minus(configuration.getMaxInactiveInterval()), now.minus(absoluteLifetime));
    }

    private static Long accountId(DatabaseSession session) {
        return session.get(AUTHENTICATION, Authentication.class)
                .map(staff -> staff.getAttributes().get("accountId"))
                .map(id -> id instanceof Number number ? number.longValue() : null)
                .orElse(null);
    }

    private String json(Map<CharSequence, Object> attributes) {
        Map<String, Object> kept = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (value instanceof Authentication staff) {
                kept.put(name.toString(), Map.of("name", staff.getName(), "roles", staff.getRoles(),
                        "attributes", staff.getAttributes()));
            } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
                kept.put(name.toString(), value instanceof CharSequence text ? text.toString() : value);
            }
        });
        try {
            return json.writeValueAsString(kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> attributes(String stored) {
        try {
            Map<String, Object> attributes = new LinkedHashMap<>(json.readValue(stored,
                    Argument.mapOf(String.class, Object.class)));
            if (attributes.get(AUTHENTICATION) instanceof Map<?, ?> staff) {
                attributes.put(AUTHENTICATION, Authentication.build((String) staff.get("name"),
                        (List<String>) staff.get("roles"), (Map<String, Object>) staff.get("attributes")));
            }
            return attributes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
