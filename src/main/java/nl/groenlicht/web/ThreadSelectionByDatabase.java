package nl.groenlicht.web;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.scheduling.executor.ThreadSelection;
import jakarta.inject.Singleton;

/**
 * Where controllers run follows the database, unless {@code micronaut.server.thread-selection} is set. On PostgreSQL a
 * query waits on the network, and on Netty's event loop (two threads on two cores) that wait holds up every other
 * connection: controllers run on the blocking executor there. With PostgreSQL behind bench/delay-proxy.py, 0.5 ms each
 * way (two A/B pairs, bench/ fixtures): section page 120 -> 400 req/s at 64 connections, 16 concurrent saves
 * 62-74 -> 246-267/s; on loopback without delay no difference beyond noise. On the embedded H2 a query is CPU work
 * that takes as long on any thread, and handing each request to another thread cost a third of the section page's
 * throughput (two A/B pairs), so there they stay on the loop.
 */
@Singleton
class ThreadSelectionByDatabase implements BeanCreatedEventListener<HttpServerConfiguration> {

    static final String PROPERTY = "micronaut.server.thread-selection";

    private final Environment environment;

    ThreadSelectionByDatabase(Environment environment) {
        this.environment = environment;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration server = event.getBean();
        boolean postgres = environment.getProperty("datasources.default.url", String.class)
                .filter(url -> url.startsWith("jdbc:postgresql:")).isPresent();
        if (postgres && !environment.containsProperty(PROPERTY)) {
            server.setThreadSelection(ThreadSelection.AUTO);
        }
        return server;
    }
}
