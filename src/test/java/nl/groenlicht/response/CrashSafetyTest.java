package nl.groenlicht.response;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.AnswerType;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireLoader;
import nl.groenlicht.scan.Section;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The portal as its own process, killed with SIGKILL while several clients save answers, then restarted on the same
 * data: every answer acknowledged with a 200 is still there, and nothing is stored that no client sent. Runs on H2
 * in a fresh {@code ./data} folder, and on PostgreSQL in the PostgreSQL run (where {@code datasources.default.url}
 * is set). {@code -Dgroenlicht.crash.kills=N} changes the number of kills (default 20).
 */
class CrashSafetyTest {

    private static final Questionnaire SCAN = new QuestionnaireLoader()
            .load(Path.of("seed-data/questionnaires/werkplekscan-v1.yaml")).questionnaire();
    private static final int KILLS = Integer.getInteger("groenlicht.crash.kills", 20);
    private static final int CLIENTS = 4;
    private static final int SCANS_PER_CLIENT = 3;
    /** The most saves acknowledged between a start and its kill: kills land early, late and mid-flight. */
    private static final int MOST_SAVES_PER_LIFE = 60;
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(20);
    private static final int SIGKILL_EXIT = 128 + 9;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.createDefault();
    private final Random random = new Random();
    private final Path workDir = Path.of("target", "crash-safety", Instant.now().toEpochMilli() + "");
    /** The portal now running, stopped after the test however it ended. */
    private Portal portal;

    @AfterEach
    void stopPortal() throws InterruptedException {
        if (portal != null) {
            portal.kill();
        }
    }

    @Test
    void everyAcknowledgedAnswerSurvivesKillNine() throws Exception {
        long seed = random.nextLong();
        random.setSeed(seed);
        Files.createDirectories(workDir);
        portal = Portal.start(this, 0);
        List<ScanState> scans = new ArrayList<>();
        for (int i = 0; i < CLIENTS * SCANS_PER_CLIENT; i++) {
            scans.add(startScan(portal, i));
        }
        int acknowledged = 0;
        int unanswered = 0;
        for (int life = 1; life <= KILLS; life++) {
            Semaphore acks = new Semaphore(0);
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<int[]>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                List<ScanState> own = scans.subList(c * SCANS_PER_CLIENT, (c + 1) * SCANS_PER_CLIENT);
                Random clientRandom = new Random(random.nextLong());
                Portal target = portal;
                results.add(clients.submit(() -> saveUntilKilled(target, own, clientRandom, acks, killed)));
            }
            int savesBeforeKill = 1 + random.nextInt(MOST_SAVES_PER_LIFE);
            if (!acks.tryAcquire(savesBeforeKill, START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                for (Future<int[]> result : results) {
                    if (result.isDone()) {
                        result.get();
                    }
                }
                fail("no " + savesBeforeKill + " saves acknowledged within " + START_LIMIT + " (seed " + seed + ")");
            }
            killed.set(true);
            assertEquals(SIGKILL_EXIT, portal.kill(), "the portal died of SIGKILL");
            clients.shutdown();
            for (Future<int[]> result : results) {
                int[] counts = result.get(REQUEST_LIMIT.toSeconds() * 2, TimeUnit.SECONDS);
                acknowledged += counts[0];
                unanswered += counts[1];
            }
            portal = Portal.start(this, life);
            for (ScanState scan : scans) {
                scan.check(stored(portal, scan), "after kill " + life + " of " + KILLS + " (seed " + seed + ")");
            }
        }
        System.out.printf("CrashSafetyTest on %s: %d kills, %d saves acknowledged, %d cut off by a kill, 0 lost%n",
                database(), KILLS, acknowledged, unanswered);
    }

    /**
     * One client: saves a random section of one of its own scans at a time (so a scan's saves never overlap) until the
     * portal is killed. Returns the saves acknowledged and the ones the kill cut off.
     */
    private int[] saveUntilKilled(Portal portal, List<ScanState> own, Random clientRandom, Semaphore acks,
                                  AtomicBoolean killed) {
        int acknowledged = 0;
        while (true) {
            ScanState scan = own.get(clientRandom.nextInt(own.size()));
            Map<String, List<String>> answers = randomSection(clientRandom, scan);
            scan.sending(answers);
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(portal.uri("/api/scans/" + scan.id + "/answers"))
                        .timeout(REQUEST_LIMIT).header("Content-Type", "application/json")
                        .header("X-Scan-Token", scan.token)
                        .PUT(HttpRequest.BodyPublishers.ofString(toJson(Map.of("answers", answers)))).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (killed.get()) {
                    return new int[] {acknowledged, 1};
                }
                throw new AssertionError("a save failed while the portal was up", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            assertEquals(200, response.statusCode(), response.body());
            scan.acknowledged(answers);
            acknowledged++;
            acks.release();
            if (killed.get()) {
                return new int[] {acknowledged, 0};
            }
        }
    }

    /** Answers to every question of one section; a note with a text never sent before, so each save is traceable. */
    private static Map<String, List<String>> randomSection(Random random, ScanState scan) {
        Section section = SCAN.sections().get(random.nextInt(SCAN.sections().size()));
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (Item item : section.items()) {
            List<String> values = item.options().stream().map(AnswerOption::value).toList();
            if (item.type() == AnswerType.TEXT) {
                answers.put(item.id(), List.of("opslag " + scan.id + "-" + scan.nextSerial()));
            } else if (item.type() == AnswerType.MULTI) {
                List<String> chosen = values.stream().filter(v -> random.nextBoolean()).toList();
                answers.put(item.id(), chosen.isEmpty() ? List.of(values.get(0)) : chosen);
            } else {
                answers.put(item.id(), List.of(values.get(random.nextInt(values.size()))));
            }
        }
        return answers;
    }

    private ScanState startScan(Portal portal, int number) throws IOException {
        HttpResponse<String> started = portal.client().post("/api/scans", "application/json",
                toJson(Map.of("mode", "SELF", "profile", Map.of("organisationName", "Crashtest " + number))));
        assertEquals(201, started.statusCode(), started.body());
        JsonNode body = json.readValue(started.body(), JsonNode.class);
        return new ScanState(body.get("id").getLongValue(), body.get("token").getStringValue());
    }

    /** The scan's answers as the restarted portal exports them. */
    private Map<String, List<String>> stored(Portal portal, ScanState scan) throws IOException {
        HttpResponse<String> export = portal.client().get("/api/scans/" + scan.id + "/export.json",
                "X-Scan-Token", scan.token);
        assertEquals(200, export.statusCode(), export.body());
        Map<String, List<String>> answers = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.readValue(export.body(), JsonNode.class).get("answers").entries()) {
            JsonNode value = entry.getValue();
            List<String> values = new ArrayList<>();
            if (value.isArray()) {
                value.values().forEach(element -> values.add(element.getStringValue()));
            } else {
                values.add(value.getStringValue());
            }
            answers.put(entry.getKey(), values);
        }
        return answers;
    }

    private String toJson(Object value) throws IOException {
        return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
    }

    private static String database() {
        return System.getProperty("datasources.default.url") == null ? "H2" : "PostgreSQL";
    }

    /**
     * What one scan must hold: per question the last acknowledged answer, or the answer of a save that a kill cut off
     * after it (it may or may not have been committed).
     */
    private static final class ScanState {
        final long id;
        final String token;
        private final Map<String, List<String>> acknowledged = new HashMap<>();
        private final Map<String, Set<List<String>>> unconfirmed = new HashMap<>();
        private int serial;

        ScanState(long id, String token) {
            this.id = id;
            this.token = token;
        }

        synchronized int nextSerial() {
            return ++serial;
        }

        synchronized void sending(Map<String, List<String>> answers) {
            answers.forEach((item, values) -> unconfirmed.computeIfAbsent(item, i -> new HashSet<>()).add(values));
        }

        synchronized void acknowledged(Map<String, List<String>> answers) {
            answers.forEach((item, values) -> {
                acknowledged.put(item, values);
                unconfirmed.remove(item);
            });
        }

        synchronized void check(Map<String, List<String>> stored, String when) {
            Set<String> items = new HashSet<>(acknowledged.keySet());
            items.addAll(stored.keySet());
            for (String item : items) {
                List<String> value = stored.get(item);
                boolean expected = value == null
                        ? !acknowledged.containsKey(item)
                        : value.equals(acknowledged.get(item)) || unconfirmed.getOrDefault(item, Set.of()).contains(value);
                if (!expected) {
                    fail("scan " + id + ", " + item + " " + when + ": stored " + value + " but the last acknowledged "
                            + "answer was " + acknowledged.get(item) + " (saves cut off by the kill: "
                            + unconfirmed.getOrDefault(item, Set.of()) + ")");
                }
                // What the restarted portal holds is now the truth; a cut-off save either made it or never will.
                if (value != null) {
                    acknowledged.put(item, value);
                }
                unconfirmed.remove(item);
            }
        }
    }

    /** The portal as a child process on the product's classpath (not the tests'), working in its own folder. */
    private record Portal(Process process, int port) {

        static Portal start(CrashSafetyTest test, int life) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            String classpath = Arrays.stream(System.getProperty("surefire.test.class.path",
                            System.getProperty("java.class.path")).split(File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes"))
                    .collect(Collectors.joining(File.pathSeparator));
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "nl.groenlicht.Application")
                    .directory(test.workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(test.workDir.resolve("portal-" + life + ".log").toFile());
            Map<String, String> env = builder.environment();
            env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            env.put("GROENLICHT_SEED_DATA", Path.of("seed-data").toAbsolutePath().toString());
            // Four clients on 127.0.0.1 start scans in every life: not what the limit on anonymous starts is for.
            env.put("GROENLICHT_LIMITS_SELF_ASSESSMENTS_PER_ADDRESS", "1000000");
            env.put("GROENLICHT_LIMITS_SELF_ASSESSMENTS_IN_ALL", "1000000");
            String url = System.getProperty("datasources.default.url");
            if (url != null) {
                env.put("DATASOURCES_DEFAULT_URL", url);
                env.put("DATASOURCES_DEFAULT_USERNAME", System.getProperty("datasources.default.username", ""));
                env.put("DATASOURCES_DEFAULT_PASSWORD", System.getProperty("datasources.default.password", ""));
            }
            Portal portal = new Portal(builder.start(), port);
            portal.awaitHealthy(test.http, life);
            return portal;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** The tests' own client, for requests that run while the portal is up (not the ones a kill cuts off). */
        Http client() {
            return new Http(uri("/"));
        }

        /** Polls /health until it answers 200: the portal has started, with its database migrated and reachable. */
        private void awaitHealthy(HttpClient http, int life) throws Exception {
            Instant limit = Instant.now().plus(START_LIMIT);
            while (Instant.now().isBefore(limit)) {
                if (!process.isAlive()) {
                    fail("the portal stopped at start " + life + " with exit code " + process.exitValue()
                            + "; see its log in target/crash-safety");
                }
                try {
                    HttpResponse<Void> health = http.send(HttpRequest.newBuilder(uri("/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // Starting: asked again below.
                }
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
            kill();
            fail("the portal did not become healthy within " + START_LIMIT + " at start " + life);
        }

        /** kill -9: no shutdown hook, no connection pool closed, no buffer flushed. Returns the exit code. */
        int kill() throws InterruptedException {
            process.destroyForcibly();
            return process.waitFor();
        }
    }
}
