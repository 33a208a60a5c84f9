package nl.groenlicht.report;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Renders PDF reports on a few threads of their own, never on Netty's event loop: a render takes about 100 ms of CPU,
 * and a burst of them must not hold up every other page (security review M-5). At most {@code perClient} renders
 * per client address are under way at once, and at most {@code threads + queue} in all; a request beyond that is
 * refused at once rather than queued without end.
 */
@Singleton
public class PdfQueue implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final int perClient;
    /** Renders under way per client; a client with none has no entry, so the map does not grow with every address. */
    private final Map<String, Integer> underWay = new ConcurrentHashMap<>();

    public PdfQueue(@Value("${groenlicht.pdf.threads:2}") int threads, @Value("${groenlicht.pdf.queue:8}") int queue,
                    @Value("${groenlicht.pdf.per-client:2}") int perClient) {
        AtomicInteger numbered = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue), work -> {
                    Thread thread = new Thread(work, "pdf-" + numbered.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.perClient = perClient;
    }

    /** The work's result to come, or empty when this client or the portal as a whole has too many under way. */
    public <T> Optional<CompletableFuture<T>> submit(String client, Supplier<T> work) {
        boolean[] admitted = {false};
        underWay.compute(client, (c, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < perClient;
            return admitted[0] ? now + 1 : count;
        });
        if (!admitted[0]) {
            return Optional.empty();
        }
        try {
            return Optional.of(CompletableFuture.supplyAsync(work, executor)
                    .whenComplete((result, failure) -> release(client)));
        } catch (RejectedExecutionException full) {
            release(client);
            return Optional.empty();
        }
    }

    private void release(String client) {
        underWay.computeIfPresent(client, (c, count) -> count <= 1 ? null : count - 1);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
