package nl.groenlicht.support;

import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Deque's axe-core, injected into the page the browser shows, checking the WCAG 2.1 A and AA rules.
 * .ci/run installs it with npm and names its axe.min.js in {@code AXE_CORE}.
 */
public final class Axe {

    /** Where .ci/run installs it; a developer who ran .ci/run (or the same npm command) has it there too. */
    private static final Path DEFAULT = Path.of(System.getProperty("user.home"),
            ".cache/groenlicht-ci/node_modules/axe-core/axe.min.js");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /**
     * The axe-core that CI installed. A missing file named by {@code AXE_CORE} fails (CI meant to run the audit);
     * without {@code AXE_CORE} the test is skipped only where the default path holds nothing either.
     */
    public static Axe load() throws IOException {
        String configured = System.getenv("AXE_CORE");
        Path script;
        if (configured != null && !configured.isBlank()) {
            script = Path.of(configured);
            assertTrue(Files.isRegularFile(script), "AXE_CORE names " + script + ", which does not exist");
        } else {
            script = DEFAULT;
            assumeTrue(Files.isRegularFile(script), "axe-core is not installed at " + script + " (.ci/run installs it)");
        }
        return new Axe(Files.readString(script));
    }

    /**
     * Runs the audit on the page as it is now and returns one readable paragraph per violation: the rule, what it
     * asks, and each offending node's selector and HTML. Empty when the page passes.
     */
    @SuppressWarnings("unchecked")
    public List<String> violations(ChromeDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.executeScript(source);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({
                      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                      nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary}))
                  }))))
                  .catch(e => done('axe failed: ' + e));
                """, WCAG_21_AA);
        if (result instanceof String failure) {
            throw new AssertionError(failure);
        }
        return ((List<Map<String, Object>>) result).stream().map(Axe::describe).toList();
    }

    @SuppressWarnings("unchecked")
    private static String describe(Map<String, Object> violation) {
        StringBuilder text = new StringBuilder().append(violation.get("id")).append(" (").append(violation.get("impact"))
                .append("): ").append(violation.get("help")).append(" <").append(violation.get("helpUrl")).append('>');
        for (Map<String, Object> node : (List<Map<String, Object>>) violation.get("nodes")) {
            text.append("\n    ").append(node.get("target")).append("  ").append(node.get("html"))
                    .append("\n      ").append(String.valueOf(node.get("summary")).replace("\n", "\n      "));
        }
        return text.toString();
    }
}
