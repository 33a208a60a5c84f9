package nl.groenlicht;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Netty module on the class path comes from one release. The Micronaut platform pins some modules and
 * micronaut-core brings others, and the mix once held modules that lacked security fixes the others had (issue 16,
 * H-3). Surefire runs the tests on the class path Maven resolved, runtime dependencies included, so a module that drifts
 * in the pom fails here. Each Netty jar names its module and release in META-INF/io.netty.versions.properties.
 */
class NettyVersionsTest {

    private static final String VERSIONS_FILE = "META-INF/io.netty.versions.properties";
    private static final String VERSION_KEY = ".version";

    /** Module → releases found for it, one entry per jar that names it. */
    private static Map<String, Set<String>> nettyModulesOnTheClassPath() throws IOException {
        Map<String, Set<String>> releases = new TreeMap<>();
        for (URL file : Collections.list(NettyVersionsTest.class.getClassLoader().getResources(VERSIONS_FILE))) {
            Properties properties = new Properties();
            try (InputStream in = file.openStream()) {
                properties.load(in);
            }
            for (String key : properties.stringPropertyNames()) {
                if (key.endsWith(VERSION_KEY)) {
                    String module = key.substring(0, key.length() - VERSION_KEY.length());
                    releases.computeIfAbsent(module, m -> new TreeSet<>()).add(properties.getProperty(key));
                }
            }
        }
        return releases;
    }

    @Test
    void everyNettyModuleOnTheClassPathIsFromOneRelease() throws IOException {
        Map<String, Set<String>> modules = nettyModulesOnTheClassPath();
        assertTrue(modules.containsKey("netty-codec-http"), "the HTTP server's Netty modules are found: " + modules);

        Set<String> releases = new TreeSet<>();
        modules.values().forEach(releases::addAll);
        assertEquals(1, releases.size(), "Netty modules by release: " + modules);
    }
}
