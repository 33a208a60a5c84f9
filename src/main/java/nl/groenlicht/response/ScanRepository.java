package nl.groenlicht.response;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ScanRepository extends CrudRepository<Scan, Long> {

    Optional<Scan> findByIdAndTokenHash(Long id, String tokenHash);

    Optional<Scan> findByTokenHash(String tokenHash);

    List<Scan> findBySiteIdOrderByCreatedAtDesc(Long siteId);

    List<Scan> findByOrganisationIdOrderByCreatedAt(Long organisationId);

    List<Scan> findByReadinessIsNull();

    void updateUpdatedAt(@Id Long id, Instant updatedAt);
}
