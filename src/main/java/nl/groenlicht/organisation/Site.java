package nl.groenlicht.organisation;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A place of an organisation where a workplace is scanned. */
@MappedEntity("site")
public record Site(@Id @GeneratedValue Long id, Long organisationId, String name, SiteKind kind, Instant createdAt) {
}
