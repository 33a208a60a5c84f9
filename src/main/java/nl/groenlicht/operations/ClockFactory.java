package nl.groenlicht.operations;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The time the portal goes by: one bean, so that tests can stand it still instead of waiting for it to pass. */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
