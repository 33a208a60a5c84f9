package nl.groenlicht.account;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A staff account; the e-mail address is stored in lower case and is the login name. */
@MappedEntity("account")
public record Account(@Id @GeneratedValue Long id, String email, String name, String passwordHash, Role role,
                      boolean enabled, Instant createdAt) {
}
