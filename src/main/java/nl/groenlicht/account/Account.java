package nl.groenlicht.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A staff account; the e-mail address is stored in lower case and is the login name. {@code sessionsEndedAt} is when
 * an administrator last disabled the account or set its password: what the account was trusted with before then
 * (sessions, a site-visit scan's token) is void. {@code mustChangePassword}: an administrator set the password (a new
 * coach, a reset), so its holder chooses their own before anything else.
 */
@MappedEntity("account")
public record Account(@Id @GeneratedValue Long id, String email, String name, String passwordHash, Role role,
                      boolean enabled, Instant createdAt, @Nullable Instant sessionsEndedAt,
                      boolean mustChangePassword) {
}
