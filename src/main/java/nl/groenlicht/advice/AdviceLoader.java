package nl.groenlicht.advice;

import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.Text;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.seeddata.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the advice catalogue from {@code advice/*.yaml} and checks it strictly (see seed-data/README.md), including
 * that every section, item and answer a rule names exists in the questionnaire new scans use.
 */
public final class AdviceLoader {

    private static final Pattern ADVICE_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final Questionnaire questionnaire;

    public AdviceLoader(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    public AdviceCatalogue loadAll(Path seedDataDir) {
        List<Path> files = YamlNode.filesIn(seedDataDir.resolve("advice"));
        List<YamlNode> roots = files.stream().map(f -> YamlNode.read(f, YamlNode.bytes(f))).toList();
        Map<String, Source> sources = new HashMap<>();
        roots.forEach(root -> {
            root.map(Set.of("sources", "advice"));
            if (root.has("sources")) {
                YamlNode all = root.get("sources");
                all.map(null).keySet().forEach(id -> {
                    Source source = source(id, all.get(id).at("source '" + id + "'"));
                    if (sources.putIfAbsent(id, source) != null) {
                        throw all.error("source '" + id + "' is defined twice");
                    }
                });
            }
        });
        List<AdviceItem> items = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (YamlNode root : roots) {
            if (!root.has("advice")) {
                continue;
            }
            for (YamlNode raw : root.get("advice").list()) {
                AdviceItem item = item(raw, sources);
                if (!ids.add(item.id())) {
                    throw raw.at("advice '" + item.id() + "'").error("id is used twice");
                }
                items.add(item);
            }
        }
        return new AdviceCatalogue(List.copyOf(items));
    }

    private static Source source(String id, YamlNode node) {
        node.map(Set.of("title", "url", "checked"));
        if (!SOURCE_ID.matcher(id).matches()) {
            throw node.error("id must match " + SOURCE_ID);
        }
        String url = node.get("url").string();
        if (!URL.matcher(url).matches()) {
            throw node.error("url must be an http(s) address");
        }
        return new Source(id, node.get("title").text(), url, node.get("checked").date());
    }

    private AdviceItem item(YamlNode raw, Map<String, Source> sources) {
        String id = raw.get("id").string();
        YamlNode node = raw.at("advice '" + id + "'");
        node.map(Set.of("id", "category", "provider", "title", "text", "nextStep", "conditions", "facts", "sources",
                "when"));
        if (!ADVICE_ID.matcher(id).matches()) {
            throw node.error("id must match " + ADVICE_ID);
        }
        AdviceCategory category = oneOf(node.get("category"), AdviceCategory.class);
        Provider provider = oneOf(node.get("provider"), Provider.class);
        Text conditions = node.has("conditions") ? node.get("conditions").text() : null;
        if (category == AdviceCategory.FINANCIAL && conditions == null) {
            throw node.error("FINANCIAL advice needs 'conditions': who or what qualifies");
        }
        List<Fact> facts = new ArrayList<>();
        if (node.has("facts")) {
            for (YamlNode fact : node.get("facts").list()) {
                fact.map(Set.of("text", "source", "validAsOf"));
                facts.add(new Fact(fact.get("text").text(), source(fact.get("source"), sources),
                        fact.get("validAsOf").date()));
            }
        }
        List<Source> further = node.has("sources")
                ? node.get("sources").list().stream().map(s -> source(s, sources)).toList() : List.of();
        if (!node.has("when")) {
            throw node.error("'when' is missing: every advice needs a rule");
        }
        return new AdviceItem(id, category, provider, node.get("title").text(), node.get("text").text(),
                node.get("nextStep").text(), conditions, List.copyOf(facts), further, rule(node.get("when")));
    }

    private static Source source(YamlNode node, Map<String, Source> sources) {
        String id = node.string();
        Source source = sources.get(id);
        if (source == null) {
            throw node.error("source '" + id + "' is not defined under 'sources'");
        }
        return source;
    }

    private AdviceRule rule(YamlNode node) {
        Map<String, Object> map = node.map(Set.of("light", "answer", "sectionsNotGreen", "all", "any"));
        if (map.size() != 1) {
            throw node.error("a condition has exactly one of light, answer, sectionsNotGreen, all, any");
        }
        String kind = map.keySet().iterator().next();
        YamlNode body = node.get(kind);
        return switch (kind) {
            case "light" -> light(body);
            case "answer" -> answer(body);
            case "sectionsNotGreen" -> {
                body.map(Set.of("atLeast"));
                int atLeast = body.get("atLeast").integer();
                if (atLeast < 1) {
                    throw body.error("atLeast must be 1 or more");
                }
                yield new AdviceRule.SectionsNotGreen(atLeast);
            }
            case "all" -> new AdviceRule.All(parts(body));
            default -> new AdviceRule.Any(parts(body));
        };
    }

    private List<AdviceRule> parts(YamlNode node) {
        List<AdviceRule> parts = node.list().stream().map(this::rule).toList();
        if (parts.isEmpty()) {
            throw node.error("'" + node.key() + "' needs at least one condition");
        }
        return parts;
    }

    private AdviceRule light(YamlNode node) {
        node.map(Set.of("section", "in"));
        String sectionId = node.get("section").string();
        if (questionnaire.section(sectionId).isEmpty()) {
            throw node.error("section '" + sectionId + "' is not in questionnaire " + questionnaire.id()
                    + " version " + questionnaire.version());
        }
        Set<Light> lights = node.get("in").list().stream().map(v -> oneOf(v, Light.class))
                .collect(Collectors.toUnmodifiableSet());
        return new AdviceRule.LightIs(sectionId, lights);
    }

    private AdviceRule answer(YamlNode node) {
        node.map(Set.of("item", "in"));
        String itemId = node.get("item").string();
        Item item = questionnaire.item(itemId).orElseThrow(() -> node.error("item '" + itemId
                + "' is not in questionnaire " + questionnaire.id() + " version " + questionnaire.version()));
        Set<String> values = new LinkedHashSet<>();
        for (YamlNode value : node.get("in").list()) {
            String v = value.string();
            if (item.option(v).isEmpty()) {
                throw node.error("value '" + v + "' is not an option of item '" + itemId + "'");
            }
            values.add(v);
        }
        return new AdviceRule.AnswerIs(itemId, Set.copyOf(values));
    }

    private static <E extends Enum<E>> E oneOf(YamlNode node, Class<E> type) {
        String name = node.string();
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw node.error("'" + name + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
