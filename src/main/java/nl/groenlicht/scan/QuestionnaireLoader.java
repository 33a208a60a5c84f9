package nl.groenlicht.scan;

import nl.groenlicht.seeddata.SeedDataException;
import nl.groenlicht.seeddata.YamlNode;

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
        List<Path> files = YamlNode.filesIn(seedDataDir.resolve("questionnaires"));
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
        byte[] bytes = YamlNode.bytes(file);
        Questionnaire questionnaire = new Parser().questionnaire(YamlNode.read(file, bytes));
        return new LoadedQuestionnaire(questionnaire, file.toString(), sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Parses one file. */
    private static final class Parser {
        private final Map<String, List<AnswerOption>> answerSets = new HashMap<>();
        private final Map<String, AnswerType> answerSetTypes = new HashMap<>();
        private final Map<String, Item> earlierItems = new HashMap<>();
        private final Set<String> sectionIds = new HashSet<>();

        Questionnaire questionnaire(YamlNode root) {
            Map<String, Object> map = root.map(Set.of("id", "version", "title", "answerSets", "profile", "sections"));
            String id = root.get("id").string();
            if (!QUESTIONNAIRE_ID.matcher(id).matches()) {
                throw root.error("id '" + id + "' must match " + QUESTIONNAIRE_ID);
            }
            int version = root.get("version").integer();
            if (version < 1) {
                throw root.error("version must be 1 or more");
            }
            Text title = root.get("title").text();
            if (map.containsKey("answerSets")) {
                YamlNode sets = root.get("answerSets");
                for (String setId : sets.map(null).keySet()) {
                    answerSet(setId, sets.get(setId).at("answer set '" + setId + "'"));
                }
            }
            List<Item> profile = new ArrayList<>();
            for (YamlNode node : root.get("profile").list()) {
                profile.add(item(node, true));
            }
            REQUIRED_PROFILE.forEach((itemId, type) -> {
                Item item = profile.stream().filter(i -> i.id().equals(itemId)).findFirst()
                        .orElseThrow(() -> root.at("profile").error("item '" + itemId + "' is missing"));
                if (item.type() != type) {
                    throw root.at("item '" + itemId + "'").error("must be of type " + type + ", not " + item.type());
                }
            });
            List<Section> sections = new ArrayList<>();
            for (YamlNode node : root.get("sections").list()) {
                sections.add(section(node));
            }
            if (sections.isEmpty()) {
                throw root.error("has no sections");
            }
            return new Questionnaire(id, version, title, profile, sections);
        }

        private void answerSet(String setId, YamlNode node) {
            if (!ITEM_ID.matcher(setId).matches()) {
                throw node.error("id must match " + ITEM_ID);
            }
            node.map(Set.of("type", "options"));
            AnswerType type = type(node.get("type"));
            if (type == AnswerType.TEXT) {
                throw node.error("a TEXT item has no options to share");
            }
            answerSetTypes.put(setId, type);
            answerSets.put(setId, options(node.get("options")));
        }

        private Section section(YamlNode node) {
            String id = node.get("id").string();
            YamlNode at = node.at("section '" + id + "'");
            at.map(Set.of("id", "title", "intro", "thresholds", "when", "items"));
            if (!QUESTIONNAIRE_ID.matcher(id).matches()) {
                throw at.error("id must match " + QUESTIONNAIRE_ID);
            }
            if (!sectionIds.add(id)) {
                throw at.error("id is used twice");
            }
            Text title = at.get("title").text();
            Text intro = at.has("intro") ? at.get("intro").text() : null;
            Thresholds thresholds = at.has("thresholds") ? thresholds(at.get("thresholds")) : Thresholds.DEFAULT;
            Condition condition = at.has("when") ? condition(at.get("when")) : null;
            List<Item> items = new ArrayList<>();
            for (YamlNode itemNode : at.get("items").list()) {
                items.add(item(itemNode, false));
            }
            if (items.stream().noneMatch(Item::scored)) {
                throw at.error("has no scored item");
            }
            return new Section(id, title, intro, thresholds, condition, List.copyOf(items));
        }

        private Thresholds thresholds(YamlNode node) {
            node.map(Set.of("green", "orange"));
            int green = node.get("green").integer();
            int orange = node.get("orange").integer();
            if (orange < 0 || green > 100 || orange > green) {
                throw node.error("thresholds need 0 <= orange <= green <= 100");
            }
            return new Thresholds(green, orange);
        }

        private Item item(YamlNode raw, boolean inProfile) {
            String id = raw.get("id").string();
            YamlNode node = raw.at("item '" + id + "'");
            node.map(inProfile
                    ? Set.of("id", "type", "text", "help", "answerSet", "options", "when", "required")
                    : Set.of("id", "type", "text", "help", "answerSet", "options", "when", "weight", "knockout"));
            if (!ITEM_ID.matcher(id).matches()) {
                throw node.error("id must match " + ITEM_ID);
            }
            if (earlierItems.containsKey(id)) {
                throw node.error("id is used twice");
            }
            Text text = node.get("text").text();
            Text help = node.has("help") ? node.get("help").text() : null;
            AnswerType type;
            List<AnswerOption> options;
            if (node.has("answerSet")) {
                if (node.has("type") || node.has("options")) {
                    throw node.error("give either answerSet or type and options, not both");
                }
                String setId = node.get("answerSet").string();
                if (!answerSets.containsKey(setId)) {
                    throw node.error("answer set '" + setId + "' does not exist");
                }
                type = answerSetTypes.get(setId);
                options = answerSets.get(setId);
            } else {
                type = type(node.get("type"));
                options = type == AnswerType.TEXT ? List.of() : options(node.get("options"));
                if (type == AnswerType.TEXT && node.has("options")) {
                    throw node.error("a TEXT item has no options");
                }
            }
            boolean scored = !inProfile && type != AnswerType.TEXT;
            checkScores(node, options, inProfile, type);
            int weight = node.has("weight") ? node.get("weight").integer() : 1;
            if (weight < 1) {
                throw node.error("weight must be 1 or more");
            }
            Set<String> knockout = node.has("knockout") ? knockout(node, options) : Set.of();
            Condition condition = node.has("when") ? condition(node.get("when")) : null;
            boolean required = node.has("required") && node.get("required").bool();
            Item item = new Item(id, text, help, type, options, weight, knockout, condition, required, scored);
            earlierItems.put(id, item);
            return item;
        }

        private void checkScores(YamlNode node, List<AnswerOption> options, boolean inProfile, AnswerType type) {
            if (inProfile) {
                if (options.stream().anyMatch(o -> o.score() != null)) {
                    throw node.error("profile questions are not scored: remove the scores");
                }
                return;
            }
            if (type == AnswerType.MULTI) {
                throw node.error("MULTI is allowed in the profile only");
            }
            for (AnswerOption option : options) {
                if (!option.dontKnow() && option.score() == null) {
                    throw node.error("option '" + option.value() + "' needs a score (0..100)");
                }
            }
            if (type != AnswerType.TEXT && options.stream().allMatch(AnswerOption::dontKnow)) {
                throw node.error("needs at least one scored option");
            }
        }

        private Set<String> knockout(YamlNode node, List<AnswerOption> options) {
            Set<String> values = new LinkedHashSet<>();
            int max = options.stream().filter(o -> o.score() != null).mapToInt(AnswerOption::score).max().orElse(0);
            for (YamlNode valueNode : node.get("knockout").list()) {
                String value = valueNode.string();
                AnswerOption option = options.stream().filter(o -> o.value().equals(value)).findFirst()
                        .orElseThrow(() -> node.error("knockout value '" + value + "' is not one of its options"));
                if (option.dontKnow()) {
                    throw node.error("knockout value '" + value + "' is the don't-know option");
                }
                if (option.score() != null && option.score() == max) {
                    throw node.error("knockout value '" + value + "' is the highest-scoring option");
                }
                values.add(value);
            }
            return Set.copyOf(values);
        }

        private Condition condition(YamlNode node) {
            node.map(Set.of("item", "equals", "in"));
            String itemId = node.get("item").string();
            Item source = earlierItems.get(itemId);
            if (source == null) {
                throw node.error("refers to item '" + itemId + "', which does not come earlier");
            }
            Set<String> values = new LinkedHashSet<>();
            if (node.has("equals") == node.has("in")) {
                throw node.error("give exactly one of 'equals' and 'in'");
            }
            if (node.has("equals")) {
                values.add(node.get("equals").string());
            } else {
                node.get("in").list().forEach(v -> values.add(v.string()));
            }
            for (String value : values) {
                if (source.option(value).isEmpty()) {
                    throw node.error("value '" + value + "' is not an option of item '" + itemId + "'");
                }
            }
            return new Condition(itemId, Set.copyOf(values));
        }

        private List<AnswerOption> options(YamlNode node) {
            List<AnswerOption> options = new ArrayList<>();
            Set<String> values = new HashSet<>();
            for (YamlNode raw : node.list()) {
                String value = raw.get("value").string();
                YamlNode option = raw.at(node.where() + ", option '" + value + "'");
                option.map(Set.of("value", "label", "score", "dontKnow"));
                if (!OPTION_VALUE.matcher(value).matches()) {
                    throw option.error("value must match " + OPTION_VALUE);
                }
                if (!values.add(value)) {
                    throw option.error("value is used twice");
                }
                boolean dontKnow = option.has("dontKnow") && option.get("dontKnow").bool();
                Integer score = option.has("score") ? option.get("score").integer() : null;
                if (score != null && (score < 0 || score > 100)) {
                    throw option.error("score must be between 0 and 100");
                }
                if (dontKnow && score != null) {
                    throw option.error("a don't-know option has no score");
                }
                options.add(new AnswerOption(value, option.get("label").text(), score, dontKnow));
            }
            if (options.isEmpty()) {
                throw node.error("has no options");
            }
            return List.copyOf(options);
        }

        private AnswerType type(YamlNode node) {
            String name = node.string();
            try {
                return AnswerType.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw node.error("type '" + name + "' is not one of SCALE, YES_NO, CHOICE, MULTI, TEXT");
            }
        }
    }
}
