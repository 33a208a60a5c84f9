package nl.groenlicht.account;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountRepository extends CrudRepository<Account, Long> {

    Optional<Account> findByEmail(String email);

    List<Account> findByRoleOrderByEmail(Role role);

    void updateEnabled(@Id Long id, boolean enabled);

    void update(@Id Long id, String passwordHash, boolean mustChangePassword);

    void updateSessionsEndedAt(@Id Long id, Instant sessionsEndedAt);
}
