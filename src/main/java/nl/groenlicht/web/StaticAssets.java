package nl.groenlicht.web;

import io.micronaut.http.MediaType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The files under {@code src/main/resources/public}, each at a URL that names its content: {@code /assets/<hash>/<name>},
 * the hash being the start of the file's SHA-256. A changed file gets a new URL, so a browser may keep each one for a
 * year without asking again ({@link #IMMUTABLE}), and a page never pairs with a stale stylesheet. Templates write
 * {@code ${asset("groenlicht.css")}}. Read once from the jar and kept in memory: served without the page filters
 * (security, session, views, audit; see {@link #OUTSIDE_ASSETS}), a request for one costs little more than a bare
 * Netty answer.
 */
@Singleton
public class StaticAssets {

    public static final String PREFIX = "/assets/";
    /** The path pattern (regex) of the filters that pages need and assets do not. */
    public static final String OUTSIDE_ASSETS = "^(?!/assets/).*$";
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Plain file names only: nothing that could leave the folder. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    /** A file's bytes, their hash and media type. */
    public record Asset(String name, byte[] bytes, String hash, MediaType type) {
        public String url() {
            return PREFIX + hash + "/" + name;
        }
    }

    private final Function<String, Optional<byte[]>> files;
    private final Map<String, Optional<Asset>> assets = new ConcurrentHashMap<>();

    @Inject
    StaticAssets() {
        this(StaticAssets::fromClassPath);
    }

    /** Assets read by {@code files} (name to bytes, empty when there is no such file). */
    public StaticAssets(Function<String, Optional<byte[]>> files) {
        this.files = files;
    }

    /** The URL of {@code name}; an unknown name is a programming error, found when the page is rendered. */
    public String url(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no static asset " + name)).url();
    }

    public Optional<Asset> find(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return assets.computeIfAbsent(name, n -> files.apply(n).map(bytes -> new Asset(n, bytes, hash(bytes), type(n))));
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static MediaType type(String name) {
        MediaType type = MediaType.forFilename(name);
        return type.getType().equals("text") || type.getSubtype().equals("javascript") || type.getSubtype().endsWith("+xml")
                ? new MediaType(type.getName(), Map.of(MediaType.CHARSET_PARAMETER, StandardCharsets.UTF_8.name()))
                : type;
    }

    private static Optional<byte[]> fromClassPath(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/public/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("static asset " + name + " cannot be read", e);
        }
    }
}
