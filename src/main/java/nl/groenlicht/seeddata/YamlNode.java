package nl.groenlicht.seeddata;

import nl.groenlicht.scan.Text;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A value in a seed data file and where it sits, so that every problem can be reported as
 * "file: place: reason". Reading is strict: unknown fields, wrong types and blank texts are errors.
 */
public record YamlNode(String file, Object value, String where, String key) {

    /** Reads a YAML file with duplicate keys refused. */
    public static YamlNode read(Path file, byte[] bytes) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object root = new Yaml(new SafeConstructor(options)).load(new String(bytes, StandardCharsets.UTF_8));
            return new YamlNode(file.toString(), root, "", null);
        } catch (YAMLException e) {
            throw new SeedDataException(file + ": not valid YAML: " + e.getMessage());
        }
    }

    /** The {@code .yaml} files in a seed data folder, by name; none, or no folder, is an error. */
    public static List<Path> filesIn(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new SeedDataException(dir + ": folder not found or not readable");
        }
        if (files.isEmpty()) {
            throw new SeedDataException(dir + ": holds no .yaml file");
        }
        return files;
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SeedDataException(file + ": cannot be read: " + e.getMessage());
        }
    }

    public SeedDataException error(String reason) {
        return new SeedDataException(file + ": " + (where.isEmpty() ? "" : where + ": ") + reason);
    }

    /** The same value, reported as sitting at {@code newWhere}. */
    public YamlNode at(String newWhere) {
        return new YamlNode(file, value, newWhere, key);
    }

    private String field() {
        return key == null ? "" : "'" + key + "' ";
    }

    /** This value as a mapping whose keys are all in {@code allowedKeys} (null: any key). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(Set<String> allowedKeys) {
        if (!(value instanceof Map<?, ?> map)) {
            throw error(field() + "must be a mapping");
        }
        for (Object k : map.keySet()) {
            if (!(k instanceof String s) || (allowedKeys != null && !allowedKeys.contains(s))) {
                throw error("unknown field '" + k + "'");
            }
        }
        return (Map<String, Object>) map;
    }

    public boolean has(String name) {
        return value instanceof Map<?, ?> map && map.get(name) != null;
    }

    public YamlNode get(String name) {
        Object child = value instanceof Map<?, ?> map ? map.get(name) : null;
        return new YamlNode(file, child, where, name);
    }

    public List<YamlNode> list() {
        if (!(value instanceof List<?> list)) {
            throw error(field() + "must be a list");
        }
        return list.stream().map(v -> new YamlNode(file, v, where, key)).toList();
    }

    public String string() {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Boolean) {
            throw error(field() + "must be text: YAML reads yes/no/true/false unquoted as a boolean, "
                    + "so quote it, e.g. \"yes\"");
        }
        throw error(field() + (value == null ? "is missing" : "must be text"));
    }

    public int integer() {
        if (value instanceof Integer i) {
            return i;
        }
        throw error(field() + (value == null ? "is missing" : "must be a whole number"));
    }

    public boolean bool() {
        if (value instanceof Boolean b) {
            return b;
        }
        throw error(field() + "must be true or false");
    }

    /** A date written as YYYY-MM-DD (YAML reads it as a timestamp when unquoted). */
    public LocalDate date() {
        if (value instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(string());
        } catch (DateTimeParseException e) {
            throw error(field() + "must be a date written as YYYY-MM-DD");
        }
    }

    /** A text in Dutch and English, neither blank. */
    public Text text() {
        map(Set.of("nl", "en"));
        return new Text(nonBlank("nl"), nonBlank("en"));
    }

    private String nonBlank(String language) {
        String of = key == null ? "" : " of '" + key + "'";
        if (!has(language)) {
            throw error("the " + language + " text" + of + " is missing");
        }
        String text = get(language).string();
        if (text.isBlank()) {
            throw error("the " + language + " text" + of + " is empty");
        }
        return text.strip();
    }
}
