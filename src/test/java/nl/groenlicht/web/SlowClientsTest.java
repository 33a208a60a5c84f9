package nl.groenlicht.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.response.ScanMode;
import nl.groenlicht.response.ScanService;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client cannot hold a connection, and the memory its body is buffered in, for as long as it likes (issue 16, M-6):
 * a connection on which nothing arrives for the idle timeout (here 1 s, 30 s in application.yml) is closed, and a body
 * larger than any real request is refused with 413 before it is read or routed.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.idle-timeout", value = "1s")
class SlowClientsTest {

    /** Far longer than the idle timeout: a read that waits this long means the server kept the connection. */
    private static final int PATIENCE_MS = 10_000;

    @Inject
    EmbeddedServer server;
    @Inject
    ScanService scans;

    private Socket connect() throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(PATIENCE_MS);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private static String headers(String token, long contentLength) {
        return "PUT /api/scans/1/answers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-Scan-Token: " + token + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    /** Reads until the server closes the connection (or the patience runs out, which fails the test). */
    private static long closedAfterMs(Socket socket) throws IOException {
        long start = System.nanoTime();
        InputStream in = socket.getInputStream();
        while (in.read() != -1) {
            // Whatever the server says before it closes does not matter here.
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aClientThatSendsHeadersAndThenNothingIsDisconnected() throws IOException {
        try (Socket socket = connect()) {
            send(socket, headers("not-a-token", 900_000));
            long closedAfter = closedAfterMs(socket);
            assertTrue(closedAfter < PATIENCE_MS, "closed after " + closedAfter + " ms");
        }
    }

    @Test
    void aClientThatSendsHalfAHeaderIsDisconnected() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET / HTTP/1.1\r\nHost: loc");
            long closedAfter = closedAfterMs(socket);
            assertTrue(closedAfter < PATIENCE_MS, "closed after " + closedAfter + " ms");
        }
    }

    @Test
    void aBodyLargerThanAnyRealRequestIsRefusedBeforeItIsRead() throws IOException {
        ScanService.StartedScan scan = scans.start(ScanMode.SELF, Map.of("organisationName", List.of("Groot BV"),
                "clientSites", List.of("no")));
        long id = scan.scan().id();
        for (String token : List.of(scan.token(), "not-the-token")) {
            try (Socket socket = connect()) {
                send(socket, headers(token, 300_000).replace("/api/scans/1/", "/api/scans/" + id + "/"));
                String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assertEquals("HTTP/1.1 413 Request Entity Too Large", status, "with token " + token);
            }
        }
    }
}
