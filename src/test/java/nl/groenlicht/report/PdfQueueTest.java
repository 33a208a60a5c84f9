package nl.groenlicht.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PDF renders run on their own bounded threads, with a limit per client (security review M-5). */
class PdfQueueTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private PdfQueue queue;

    @AfterEach
    void stop() {
        release.countDown();
        queue.close();
    }

    /** Work that holds its thread until the test lets go, and tells which thread it ran on. */
    private Optional<CompletableFuture<String>> blocking(String client) {
        return queue.submit(client, () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Thread.currentThread().getName();
        });
    }

    @Test
    void aClientGetsAtMostItsShareOfRendersAtOnce() throws Exception {
        queue = new PdfQueue(4, 8, 2);
        Optional<CompletableFuture<String>> first = blocking("198.51.100.1");
        assertTrue(first.isPresent());
        assertTrue(blocking("198.51.100.1").isPresent());
        assertTrue(blocking("198.51.100.1").isEmpty(), "a third render from the same client is refused");
        assertTrue(blocking("198.51.100.2").isPresent(), "another client still gets its turn");

        release.countDown();
        assertTrue(first.get().get(10, TimeUnit.SECONDS).startsWith("pdf-"), "rendered on a PDF thread");
        assertTrue(queue.submit("198.51.100.1", () -> "again").orElseThrow().get(10, TimeUnit.SECONDS)
                .equals("again"), "once its renders are done, the client may render again");
    }

    @Test
    void beyondTheThreadsAndTheQueueARenderIsRefusedNotQueuedWithoutEnd() {
        queue = new PdfQueue(1, 1, 5);
        assertTrue(blocking("192.0.2.1").isPresent(), "runs");
        assertTrue(blocking("192.0.2.2").isPresent(), "waits in the queue");
        assertTrue(blocking("192.0.2.3").isEmpty(), "refused: thread and queue are full");
    }

    @Test
    void aFailedRenderFreesTheClientsTurn() throws Exception {
        queue = new PdfQueue(1, 1, 1);
        CompletableFuture<Object> failed = queue.<Object>submit("192.0.2.9", () -> {
            throw new IllegalStateException("render failed");
        }).orElseThrow();
        assertTrue(failed.handle((r, e) -> e != null).get(10, TimeUnit.SECONDS));
        assertEquals("ok", queue.submit("192.0.2.9", () -> "ok").orElseThrow().get(10, TimeUnit.SECONDS));
    }
}
