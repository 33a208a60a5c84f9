package nl.groenlicht.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first administrator from GROENLICHT_ADMIN_EMAIL and GROENLICHT_ADMIN_PASSWORD when the database has
 * no account at all. There is no default password: without both variables nobody can log in until they are set.
 */
@Singleton
@Requires(property = "groenlicht.admin.email")
@Requires(property = "groenlicht.admin.password")
class FirstAdministrator implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountService accounts;
    private final String email;
    private final String password;

    FirstAdministrator(AccountService accounts, @Value("${groenlicht.admin.email}") String email,
                       @Value("${groenlicht.admin.password}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (accounts.none()) {
            accounts.create(email, "Beheerder", password, Role.ADMIN);
            LOG.info("Created the first administrator account from the environment");
        }
    }
}
