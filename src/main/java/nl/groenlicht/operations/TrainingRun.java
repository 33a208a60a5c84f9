package nl.groenlicht.operations;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.List;

/**
 * With {@code groenlicht.training-run=true} the portal asks itself for a few pages once it is up, then exits. The
 * build runs it so under {@code -XX:ArchiveClassesAtExit} (see the pom): the archive then holds the classes that a
 * start and the first pages load, and a portal started with {@code -XX:SharedArchiveFile} maps them instead of
 * reading, verifying and parsing each one (AppCDS). A page that does not answer 200 fails the run, and so the build.
 */
@Singleton
@Requires(property = "groenlicht.training-run", value = "true")
class TrainingRun implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    /** The start page (what the benchmark's cold start waits for), a form page and the login. */
    private static final List<String> PAGES = List.of("/", "/scans/new", "/login");

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        int status = 0;
        try {
            for (String page : PAGES) {
                fetch(new URL(event.getSource().getURL(), page));
            }
            LOG.info("Training run: {} pages answered, exiting", PAGES.size());
        } catch (RuntimeException | IOException e) {
            LOG.error("Training run failed", e);
            status = 1;
        }
        // Not on this thread: exiting runs the shutdown hook, which closes the context that is still starting here.
        int exitStatus = status;
        new Thread(() -> System.exit(exitStatus), "training-run-exit").start();
    }

    private static void fetch(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try {
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException(url + " answered " + status);
            }
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();
            }
        } finally {
            connection.disconnect();
        }
    }
}
