package nl.groenlicht.organisation;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An employer, assigned to the coach who works with it. */
@MappedEntity("organisation")
public record Organisation(@Id @GeneratedValue Long id, String name, Long coachId, Instant createdAt) {
}
