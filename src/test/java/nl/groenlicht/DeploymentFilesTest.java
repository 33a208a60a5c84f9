package nl.groenlicht;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The files in docker/: the compose file is valid for Debian's docker-compose, the Dockerfile passes dockerfilelint,
 * and neither holds a secret. No Docker engine runs here, so the image itself is not built by the tests.
 */
class DeploymentFilesTest {

    private static final Path COMPOSE = Path.of("docker/compose.yaml");
    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");

    private static Process run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.waitFor();
        return process;
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void composeFileIsValid() throws IOException, InterruptedException {
        assumeTrue(new File("/usr/bin/docker-compose").canExecute(),
                "Debian's docker-compose is not installed (.ci/run installs it)");
        Process config = run(List.of("docker-compose", "-f", COMPOSE.toString(), "config", "-q"));
        assertEquals(0, config.exitValue(), output(config));
    }

    /** Plain HTTP on every interface would be a way around the TLS proxy (L-12). */
    @Test
    @SuppressWarnings("unchecked")
    void composePublishesTheAppOnLoopbackOnly() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> published = services.values().stream()
                .flatMap(service -> ((List<Object>) service.getOrDefault("ports", List.of())).stream())
                .map(String::valueOf).toList();
        assertEquals(1, published.size(), "only the app is published: " + published);
        assertTrue(published.get(0).startsWith("127.0.0.1:"), "bound to loopback: " + published.get(0));
    }

    @Test
    void dockerfilePassesTheLinter() throws IOException, InterruptedException {
        String linter = System.getenv("DOCKERFILELINT");
        assumeTrue(linter != null && new File(linter).canExecute(), "dockerfilelint is not installed (.ci/run installs it)");
        Process lint = run(List.of(linter, DOCKERFILE.toString()));
        assertEquals(0, lint.exitValue(), output(lint));
    }

    @Test
    void noSecretIsWrittenIntoTheFiles() throws IOException {
        Matcher password = Pattern.compile("(?m)^\\s*\\w*PASSWORD\\w*:\\s*(.*)$").matcher(Files.readString(COMPOSE));
        int passwords = 0;
        while (password.find()) {
            passwords++;
            assertTrue(password.group(1).matches("\\$\\{\\w+}"), "a password comes from the environment: " + password.group());
        }
        assertEquals(3, passwords, "the database password twice and the first administrator's");
        assertTrue(Files.readString(Path.of("docker/env.example")).lines()
                .filter(line -> line.contains("PASSWORD="))
                .allMatch(line -> line.endsWith("=")), "the example leaves passwords empty");
    }

    @Test
    void theImageRunsAsAnOrdinaryUserAndChecksItsHealth() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        assertTrue(dockerfile.contains("\nUSER groenlicht\n"), "not root");
        assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("/health"));
    }
}
