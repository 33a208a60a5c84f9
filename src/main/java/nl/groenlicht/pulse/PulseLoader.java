package nl.groenlicht.pulse;

import nl.groenlicht.seeddata.SeedDataException;
import nl.groenlicht.seeddata.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the team pulse files ({@code pulse/*.yaml}) and checks them strictly: any problem stops the start with the
 * file, the statement and the reason (format: seed-data/README.md).
 */
public final class PulseLoader {

    static final int FEWEST_STATEMENTS = 6;
    static final int MOST_STATEMENTS = 10;
    private static final Pattern PULSE_ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern STATEMENT_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    private static final Pattern OPTION_VALUE = Pattern.compile("[a-z0-9_-]+");

    private final Set<String> sections;

    /** @param sections the questionnaire sections a statement may inform */
    public PulseLoader(Set<String> sections) {
        this.sections = Set.copyOf(sections);
    }

    public List<PulseDefinition> loadAll(Path seedDataDir) {
        List<PulseDefinition> loaded = new ArrayList<>();
        Set<String> versions = new HashSet<>();
        for (Path file : YamlNode.filesIn(seedDataDir.resolve("pulse"))) {
            PulseDefinition pulse = load(file);
            if (!versions.add(pulse.id() + " version " + pulse.version())) {
                throw new SeedDataException(file + ": " + pulse.id() + " version " + pulse.version()
                        + " is defined in another file as well");
            }
            loaded.add(pulse);
        }
        return loaded;
    }

    public PulseDefinition load(Path file) {
        YamlNode root = YamlNode.read(file, YamlNode.bytes(file));
        root.map(Set.of("id", "version", "title", "scale", "statements"));
        String id = root.get("id").string();
        if (!PULSE_ID.matcher(id).matches()) {
            throw root.error("id '" + id + "' must match " + PULSE_ID);
        }
        int version = root.get("version").integer();
        if (version < 1) {
            throw root.error("version must be 1 or higher");
        }
        List<PulseDefinition.Option> scale = scale(root.get("scale"));
        List<YamlNode> nodes = root.get("statements").list();
        if (nodes.size() < FEWEST_STATEMENTS || nodes.size() > MOST_STATEMENTS) {
            throw root.error("has " + nodes.size() + " statements; a pulse has " + FEWEST_STATEMENTS + " to "
                    + MOST_STATEMENTS + " (answerable in two minutes)");
        }
        List<PulseDefinition.Statement> statements = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode node : nodes) {
            PulseDefinition.Statement statement = statement(node);
            if (!ids.add(statement.id())) {
                throw node.at("statement '" + statement.id() + "'").error("id is used twice");
            }
            statements.add(statement);
        }
        return new PulseDefinition(id, version, root.get("title").text(), scale, List.copyOf(statements));
    }

    private static List<PulseDefinition.Option> scale(YamlNode node) {
        List<YamlNode> options = node.list();
        if (options.size() < 2) {
            throw node.error("the scale needs at least two options");
        }
        List<PulseDefinition.Option> scale = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (YamlNode option : options) {
            option.map(Set.of("value", "label", "score"));
            String value = option.get("value").string();
            YamlNode at = option.at("scale option '" + value + "'");
            if (!OPTION_VALUE.matcher(value).matches()) {
                throw at.error("value must match " + OPTION_VALUE);
            }
            if (!values.add(value)) {
                throw at.error("value is used twice");
            }
            int score = at.get("score").integer();
            if (score < 0 || score > 100) {
                throw at.error("score " + score + " is not within 0..100");
            }
            scale.add(new PulseDefinition.Option(value, at.get("label").text(), score));
        }
        return List.copyOf(scale);
    }

    private PulseDefinition.Statement statement(YamlNode node) {
        Map<String, Object> fields = node.map(Set.of("id", "section", "text", "reversed", "weight"));
        String id = node.get("id").string();
        YamlNode at = node.at("statement '" + id + "'");
        if (!STATEMENT_ID.matcher(id).matches()) {
            throw at.error("id must match " + STATEMENT_ID);
        }
        String section = at.get("section").string();
        if (!sections.contains(section)) {
            throw at.error("section '" + section + "' is not a section of the questionnaire " + sections.stream()
                    .sorted().toList());
        }
        int weight = fields.containsKey("weight") ? at.get("weight").integer() : 1;
        if (weight < 1) {
            throw at.error("weight must be 1 or higher");
        }
        boolean reversed = fields.containsKey("reversed") && at.get("reversed").bool();
        return new PulseDefinition.Statement(id, at.get("text").text(), section, reversed, weight);
    }
}
