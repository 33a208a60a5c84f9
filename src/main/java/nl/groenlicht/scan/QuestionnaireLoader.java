package nl.groenlicht.scan;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads questionnaire files and checks them strictly (see seed-data/README.md). Any problem stops the load with a
 * {@link SeedDataException} naming the file, the item and the reason.
 */
public final class QuestionnaireLoader {

    private static final Pattern QUESTIONNAIRE_ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern ITEM_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    private static final Pattern OPTION_VALUE = Pattern.compile("[a-z0-9_-]+");

    /** The profile items other features rely on, with the type each must have. */
    static final Map<String, AnswerType> REQUIRED_PROFILE = Map.of(
            "organisationName", AnswerType.TEXT,
            "sector", AnswerType.CHOICE,
            "size", AnswerType.CHOICE,
            "clientSites", AnswerType.YES_NO,
            "publicTenders", AnswerType.YES_NO,
            "region", AnswerType.CHOICE,
            "concerns", AnswerType.MULTI);

    /** Reads every {@code *.yaml} file in {@code questionnaires/} under the seed data folder. */
    public List<LoadedQuestionnaire> loadAll(Path seedDataDir) {
        Path dir = seedDataDir.resolve("questionnaires");
        if (!Files.isDirectory(dir)) {
            throw new SeedDataException(dir + ": folder not found; no questionnaire to load");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new SeedDataException(dir + ": cannot be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new SeedDataException(dir + ": holds no .yaml questionnaire");
        }
        List<LoadedQuestionnaire> loaded = new ArrayList<>();
        Set<String> versions = new HashSet<>();
        for (Path file : files) {
            LoadedQuestionnaire q = load(file);
            String key = q.questionnaire().id() + " version " + q.questionnaire().version();
            if (!versions.add(key)) {
                throw new SeedDataException(file + ": " + key + " is defined in another file as well");
            }
            loaded.add(q);
        }
        return loaded;
    }

    public LoadedQuestionnaire load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SeedDataException(file + ": cannot be read: " + e.getMessage());
        }
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(new String(bytes, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw new SeedDataException(file + ": not valid YAML: " + e.getMessage());
        }
        Questionnaire questionnaire = new Parser(file.toString()).questionnaire(Node.of(root, ""));
        return new LoadedQuestionnaire(questionnaire, file.toString(), sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Parses one file; {@code where} in a {@link Node} says which part of the file a value belongs to. */
    private static final class Parser {
        private final String file;
        private final Map<String, List<AnswerOption>> answerSets = new HashMap<>();
        private final Map<String, AnswerType> answerSetTypes = new HashMap<>();
        private final Map<String, Item> earlierItems = new HashMap<>();
        private final Set<String> sectionIds = new HashSet<>();

        Parser(String file) {
            this.file = file;
        }

        private SeedDataException error(String where, String reason) {
            return new SeedDataException(file + ": " + (where.isEmpty() ? "" : where + ": ") + reason);
        }

        Questionnaire questionnaire(Node root) {
            Map<String, Object> map = root.map(this, Set.of("id", "version", "title", "answerSets", "profile", "sections"));
            String id = root.get("id").string(this);
            if (!QUESTIONNAIRE_ID.matcher(id).matches()) {
                throw error("", "id '" + id + "' must match " + QUESTIONNAIRE_ID);
            }
            int version = root.get("version").integer(this);
            if (version < 1) {
                throw error("", "version must be 1 or more");
            }
            Text title = text(root.get("title"));
            if (map.containsKey("answerSets")) {
                Node sets = root.get("answerSets");
                for (String setId : sets.map(this, null).keySet()) {
                    answerSet(setId, sets.get(setId).at("answer set '" + setId + "'"));
                }
            }
            List<Item> profile = new ArrayList<>();
            for (Node node : root.get("profile").list(this)) {
                profile.add(item(node, true));
            }
            REQUIRED_PROFILE.forEach((itemId, type) -> {
                Item item = profile.stream().filter(i -> i.id().equals(itemId)).findFirst()
                        .orElseThrow(() -> error("profile", "item '" + itemId + "' is missing"));
                if (item.type() != type) {
                    throw error("item '" + itemId + "'", "must be of type " + type + ", not " + item.type());
                }
            });
            List<Section> sections = new ArrayList<>();
            for (Node node : root.get("sections").list(this)) {
                sections.add(section(node));
            }
            if (sections.isEmpty()) {
                throw error("", "has no sections");
            }
            return new Questionnaire(id, version, title, profile, sections);
        }

        private void answerSet(String setId, Node node) {
            if (!ITEM_ID.matcher(setId).matches()) {
                throw error(node.where, "id must match " + ITEM_ID);
            }
            node.map(this, Set.of("type", "options"));
            AnswerType type = type(node.get("type"));
            if (type == AnswerType.TEXT) {
                throw error(node.where, "a TEXT item has no options to share");
            }
            answerSetTypes.put(setId, type);
            answerSets.put(setId, options(node.get("options")));
        }

        private Section section(Node node) {
            String id = node.get("id").string(this);
            Node at = node.at("section '" + id + "'");
            at.map(this, Set.of("id", "title", "intro", "thresholds", "when", "items"));
            if (!QUESTIONNAIRE_ID.matcher(id).matches()) {
                throw error(at.where, "id must match " + QUESTIONNAIRE_ID);
            }
            if (!sectionIds.add(id)) {
                throw error(at.where, "id is used twice");
            }
            Text title = text(at.get("title"));
            Text intro = at.has("intro") ? text(at.get("intro")) : null;
            Thresholds thresholds = at.has("thresholds") ? thresholds(at.get("thresholds")) : Thresholds.DEFAULT;
            Condition condition = at.has("when") ? condition(at.get("when")) : null;
            List<Item> items = new ArrayList<>();
            for (Node itemNode : at.get("items").list(this)) {
                items.add(item(itemNode, false));
            }
            if (items.stream().noneMatch(Item::scored)) {
                throw error(at.where, "has no scored item");
            }
            return new Section(id, title, intro, thresholds, condition, List.copyOf(items));
        }

        private Thresholds thresholds(Node node) {
            node.map(this, Set.of("green", "orange"));
            int green = node.get("green").integer(this);
            int orange = node.get("orange").integer(this);
            if (orange < 0 || green > 100 || orange > green) {
                throw error(node.where, "thresholds need 0 <= orange <= green <= 100");
            }
            return new Thresholds(green, orange);
        }

        private Item item(Node raw, boolean inProfile) {
            String id = raw.get("id").string(this);
            Node node = raw.at("item '" + id + "'");
            node.map(this, inProfile
                    ? Set.of("id", "type", "text", "help", "answerSet", "options", "when", "required")
                    : Set.of("id", "type", "text", "help", "answerSet", "options", "when", "weight", "knockout"));
            if (!ITEM_ID.matcher(id).matches()) {
                throw error(node.where, "id must match " + ITEM_ID);
            }
            if (earlierItems.containsKey(id)) {
                throw error(node.where, "id is used twice");
            }
            Text text = text(node.get("text"));
            Text help = node.has("help") ? text(node.get("help")) : null;
            AnswerType type;
            List<AnswerOption> options;
            if (node.has("answerSet")) {
                if (node.has("type") || node.has("options")) {
                    throw error(node.where, "give either answerSet or type and options, not both");
                }
                String setId = node.get("answerSet").string(this);
                if (!answerSets.containsKey(setId)) {
                    throw error(node.where, "answer set '" + setId + "' does not exist");
                }
                type = answerSetTypes.get(setId);
                options = answerSets.get(setId);
            } else {
                type = type(node.get("type"));
                options = type == AnswerType.TEXT ? List.of() : options(node.get("options"));
                if (type == AnswerType.TEXT && node.has("options")) {
                    throw error(node.where, "a TEXT item has no options");
                }
            }
            boolean scored = !inProfile && type != AnswerType.TEXT;
            checkScores(node, options, inProfile, type);
            int weight = node.has("weight") ? node.get("weight").integer(this) : 1;
            if (weight < 1) {
                throw error(node.where, "weight must be 1 or more");
            }
            Set<String> knockout = node.has("knockout") ? knockout(node, options) : Set.of();
            Condition condition = node.has("when") ? condition(node.get("when")) : null;
            boolean required = node.has("required") && node.get("required").bool(this);
            Item item = new Item(id, text, help, type, options, weight, knockout, condition, required, scored);
            earlierItems.put(id, item);
            return item;
        }

        private void checkScores(Node node, List<AnswerOption> options, boolean inProfile, AnswerType type) {
            if (inProfile) {
                if (options.stream().anyMatch(o -> o.score() != null)) {
                    throw error(node.where, "profile questions are not scored: remove the scores");
                }
                return;
            }
            if (type == AnswerType.MULTI) {
                throw error(node.where, "MULTI is allowed in the profile only");
            }
            for (AnswerOption option : options) {
                if (!option.dontKnow() && option.score() == null) {
                    throw error(node.where, "option '" + option.value() + "' needs a score (0..100)");
                }
            }
            if (type != AnswerType.TEXT && options.stream().allMatch(AnswerOption::dontKnow)) {
                throw error(node.where, "needs at least one scored option");
            }
        }

        private Set<String> knockout(Node node, List<AnswerOption> options) {
            Set<String> values = new LinkedHashSet<>();
            int max = options.stream().filter(o -> o.score() != null).mapToInt(AnswerOption::score).max().orElse(0);
            for (Node valueNode : node.get("knockout").list(this)) {
                String value = valueNode.string(this);
                AnswerOption option = options.stream().filter(o -> o.value().equals(value)).findFirst()
                        .orElseThrow(() -> error(node.where, "knockout value '" + value + "' is not one of its options"));
                if (option.dontKnow()) {
                    throw error(node.where, "knockout value '" + value + "' is the don't-know option");
                }
                if (option.score() != null && option.score() == max) {
                    throw error(node.where, "knockout value '" + value + "' is the highest-scoring option");
                }
                values.add(value);
            }
            return Set.copyOf(values);
        }

        private Condition condition(Node node) {
            node.map(this, Set.of("item", "equals", "in"));
            String itemId = node.get("item").string(this);
            Item source = earlierItems.get(itemId);
            if (source == null) {
                throw error(node.where, "refers to item '" + itemId + "', which does not come earlier");
            }
            Set<String> values = new LinkedHashSet<>();
            if (node.has("equals") == node.has("in")) {
                throw error(node.where, "give exactly one of 'equals' and 'in'");
            }
            if (node.has("equals")) {
                values.add(node.get("equals").string(this));
            } else {
                node.get("in").list(this).forEach(v -> values.add(v.string(this)));
            }
            for (String value : values) {
                if (source.option(value).isEmpty()) {
                    throw error(node.where, "value '" + value + "' is not an option of item '" + itemId + "'");
                }
            }
            return new Condition(itemId, Set.copyOf(values));
        }

        private List<AnswerOption> options(Node node) {
            List<AnswerOption> options = new ArrayList<>();
            Set<String> values = new HashSet<>();
            for (Node raw : node.list(this)) {
                String value = raw.get("value").string(this);
                Node option = raw.at(node.where + ", option '" + value + "'");
                option.map(this, Set.of("value", "label", "score", "dontKnow"));
                if (!OPTION_VALUE.matcher(value).matches()) {
                    throw error(option.where, "value must match " + OPTION_VALUE);
                }
                if (!values.add(value)) {
                    throw error(option.where, "value is used twice");
                }
                boolean dontKnow = option.has("dontKnow") && option.get("dontKnow").bool(this);
                Integer score = option.has("score") ? option.get("score").integer(this) : null;
                if (score != null && (score < 0 || score > 100)) {
                    throw error(option.where, "score must be between 0 and 100");
                }
                if (dontKnow && score != null) {
                    throw error(option.where, "a don't-know option has no score");
                }
                options.add(new AnswerOption(value, text(option.get("label")), score, dontKnow));
            }
            if (options.isEmpty()) {
                throw error(node.where, "has no options");
            }
            return List.copyOf(options);
        }

        private AnswerType type(Node node) {
            String name = node.string(this);
            try {
                return AnswerType.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw error(node.where, "type '" + name + "' is not one of SCALE, YES_NO, CHOICE, MULTI, TEXT");
            }
        }

        private Text text(Node node) {
            node.map(this, Set.of("nl", "en"));
            return new Text(nonBlank(node, "nl"), nonBlank(node, "en"));
        }

        private String nonBlank(Node node, String language) {
            if (!node.has(language)) {
                throw error(node.where, "the " + language + " text is missing");
            }
            String value = node.get(language).string(this);
            if (value.isBlank()) {
                throw error(node.where, "the " + language + " text is empty");
            }
            return value.strip();
        }
    }

    /** A value in the YAML tree and where it sits, for error messages. */
    private record Node(Object value, String where, String key) {

        static Node of(Object value, String where) {
            return new Node(value, where, null);
        }

        Node at(String newWhere) {
            return new Node(value, newWhere, key);
        }

        private String field() {
            return key == null ? "" : "'" + key + "' ";
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Parser parser, Set<String> allowedKeys) {
            if (!(value instanceof Map<?, ?> map)) {
                throw parser.error(where, field() + "must be a mapping");
            }
            for (Object k : map.keySet()) {
                if (!(k instanceof String s) || (allowedKeys != null && !allowedKeys.contains(s))) {
                    throw parser.error(where, "unknown field '" + k + "'");
                }
            }
            return (Map<String, Object>) map;
        }

        boolean has(String name) {
            return value instanceof Map<?, ?> map && map.containsKey(name) && map.get(name) != null;
        }

        Node get(String name) {
            Object child = value instanceof Map<?, ?> map ? map.get(name) : null;
            return new Node(child, where, name);
        }

        List<Node> list(Parser parser) {
            if (!(value instanceof List<?> list)) {
                throw parser.error(where, field() + "must be a list");
            }
            return list.stream().map(v -> new Node(v, where, key)).toList();
        }

        String string(Parser parser) {
            if (value instanceof String s) {
                return s;
            }
            if (value instanceof Integer || value instanceof Long) {
                return value.toString();
            }
            if (value instanceof Boolean) {
                throw parser.error(where, field() + "must be text: YAML reads yes/no/true/false unquoted as a boolean, "
                        + "so quote it, e.g. \"yes\"");
            }
            throw parser.error(where, field() + (value == null ? "is missing" : "must be text"));
        }

        int integer(Parser parser) {
            if (value instanceof Integer i) {
                return i;
            }
            throw parser.error(where, field() + (value == null ? "is missing" : "must be a whole number"));
        }

        boolean bool(Parser parser) {
            if (value instanceof Boolean b) {
                return b;
            }
            throw parser.error(where, field() + "must be true or false");
        }
    }
}
