package nl.groenlicht.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import nl.groenlicht.scoring.Readiness;

import java.time.Instant;

/**
 * One filled-in (or half filled-in) scan, tied to the questionnaire version it was started with. A coach's scan
 * (mode COACH) also names its organisation, site and coach; a self-assessment names them only when a coach invited
 * the employer (and the site only when the invitation was for one). The readiness is the verdict as last scored.
 */
@MappedEntity("scan")
public record Scan(@Id @GeneratedValue Long id,
                   String tokenHash,
                   ScanMode scanMode,
                   String questionnaireId,
                   int questionnaireVersion,
                   Instant createdAt,
                   Instant updatedAt,
                   @Nullable Long organisationId,
                   @Nullable Long siteId,
                   @Nullable Long coachId,
                   @Nullable Readiness readiness) {
}
