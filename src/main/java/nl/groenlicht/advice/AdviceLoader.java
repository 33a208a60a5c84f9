package nl.groenlicht.advice;

import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.Text;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.seeddata.SeedDataException;
import nl.groenlicht.seeddata.YamlNode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the advice catalogues from {@code advice/*-v<N>.yaml} and checks them strictly (see seed-data/README.md).
 * Catalogue N serves the questionnaire versions from N up to the next catalogue; every section, item and answer a
 * rule names must exist in each of those versions.
 */
public final class AdviceLoader {

    private static final Pattern FILE_NAME = Pattern.compile(".*-v([1-9][0-9]{0,5})\\.yaml");
    private static final Pattern ADVICE_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    /**
     * Catalogue 1 was published before every advice needed a source and every fact its own reading date; it is read
     * in its own format so that scans made on it keep their texts. From this version on the rules are strict.
     */
    private static final int FIRST_SOURCED_VERSION = 2;
    private static final int STALE_AFTER_MONTHS = 12;

    private final NavigableMap<Integer, Questionnaire> questionnaires = new TreeMap<>();
    private final LocalDate today;

    /**
     * @param questionnaires every loaded version of the questionnaire the advice is for
     * @param today          the day against which facts read long ago are reported
     */
    public AdviceLoader(List<Questionnaire> questionnaires, LocalDate today) {
        questionnaires.forEach(q -> this.questionnaires.put(q.version(), q));
        this.today = today;
    }

    public AdviceCatalogues loadAll(Path seedDataDir) {
        NavigableMap<Integer, Path> files = new TreeMap<>();
        for (Path file : YamlNode.filesIn(seedDataDir.resolve("advice"))) {
            Matcher name = FILE_NAME.matcher(file.getFileName().toString());
            if (!name.matches()) {
                throw new SeedDataException(file + ": an advice file is named <name>-v<N>.yaml, where N is the"
                        + " questionnaire version from which it holds");
            }
            Path other = files.put(Integer.parseInt(name.group(1)), file);
            if (other != null) {
                throw new SeedDataException(file + ": " + other + " holds advice version " + name.group(1) + " as well");
            }
        }
        Questionnaire oldest = questionnaires.firstEntry().getValue();
        if (files.firstKey() > oldest.version()) {
            throw new SeedDataException(seedDataDir.resolve("advice") + ": no advice for " + oldest.id() + " version "
                    + oldest.version() + ": add advice-v" + oldest.version() + ".yaml");
        }
        Map<Integer, AdviceCatalogue> catalogues = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        files.forEach((version, file) -> {
            Integer next = files.higherKey(version);
            List<Questionnaire> users = List.copyOf((next == null ? questionnaires.tailMap(version, true)
                    : questionnaires.subMap(version, true, next, false)).values());
            if (users.isEmpty()) {
                throw new SeedDataException(file + ": no questionnaire version " + version
                        + (next == null ? " or later" : " to " + (next - 1)) + " is loaded for this advice");
            }
            catalogues.put(version, new CatalogueFile(file, version, users, warnings).read());
        });
        return new AdviceCatalogues(catalogues, warnings);
    }

    /** One catalogue file, checked against the questionnaire versions that will use it. */
    private final class CatalogueFile {

        private final Path file;
        private final boolean sourced;
        private final List<Questionnaire> users;
        private final List<String> warnings;
        private final Map<String, Source> sources = new HashMap<>();

        CatalogueFile(Path file, int version, List<Questionnaire> users, List<String> warnings) {
            this.file = file;
            this.sourced = version >= FIRST_SOURCED_VERSION;
            this.users = users;
            this.warnings = warnings;
        }

        AdviceCatalogue read() {
            YamlNode root = YamlNode.read(file, YamlNode.bytes(file));
            root.map(Set.of("sources", "advice"));
            if (root.has("sources")) {
                YamlNode all = root.get("sources");
                all.map(null).keySet().forEach(id -> sources.put(id, source(id, all.get(id).at("source '" + id + "'"))));
            }
            if (!root.has("advice")) {
                throw root.error("'advice' is missing");
            }
            List<AdviceItem> items = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (YamlNode raw : root.get("advice").list()) {
                AdviceItem item = item(raw);
                if (!ids.add(item.id())) {
                    throw raw.at("advice '" + item.id() + "'").error("id is used twice");
                }
                items.add(item);
            }
            return new AdviceCatalogue(List.copyOf(items));
        }

        private Source source(String id, YamlNode node) {
            node.map(sourced ? Set.of("title", "url", "kind", "published", "checked") : Set.of("title", "url", "checked"));
            if (!SOURCE_ID.matcher(id).matches()) {
                throw node.error("id must match " + SOURCE_ID);
            }
            String url = node.get("url").string();
            if (!URL.matcher(url).matches()) {
                throw node.error("url must be an http(s) address");
            }
            boolean secondary = sourced && oneOf(node.get("kind"), SourceKind.class) == SourceKind.SECONDARY;
            return new Source(id, node.get("title").text(), url, secondary,
                    node.has("published") ? node.get("published").date() : null, readOn(node.get("checked")));
        }

        /** A day someone read a source: never in the future, which would be a typing error. */
        private LocalDate readOn(YamlNode node) {
            LocalDate checked = node.date();
            if (sourced && checked.isAfter(today)) {
                throw node.error("'checked' " + checked + " lies in the future");
            }
            return checked;
        }

        private AdviceItem item(YamlNode raw) {
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
                List<YamlNode> listed = node.get("facts").list();
                for (int i = 0; i < listed.size(); i++) {
                    facts.add(fact(listed.get(i).at("advice '" + id + "': fact " + (i + 1))));
                }
            }
            List<Source> further = node.has("sources")
                    ? node.get("sources").list().stream().map(this::source).toList() : List.of();
            if (sourced && facts.isEmpty() && further.isEmpty()) {
                throw node.error("no source: every advice names at least one, under 'sources' or with a fact");
            }
            if (!node.has("when")) {
                throw node.error("'when' is missing: every advice needs a rule");
            }
            return new AdviceItem(id, category, provider, node.get("title").text(), node.get("text").text(),
                    node.get("nextStep").text(), conditions, List.copyOf(facts), further, rule(node.get("when")));
        }

        private Fact fact(YamlNode node) {
            if (!sourced) {
                node.map(Set.of("text", "source", "validAsOf"));
                Source source = source(node.get("source"));
                LocalDate validAsOf = node.get("validAsOf").date();
                // Catalogue 1 put the day the source was read in validAsOf where the source gave no date of its own
                // (its header says so): that date is a reading, not the day from which the fact holds.
                boolean readingDate = validAsOf.equals(source.checked());
                return new Fact(node.get("text").text(), source, readingDate ? validAsOf : source.checked(),
                        readingDate ? null : validAsOf, null);
            }
            node.map(Set.of("text", "source", "checked", "validFrom", "validUntil"));
            LocalDate validFrom = node.has("validFrom") ? node.get("validFrom").date() : null;
            LocalDate validUntil = node.has("validUntil") ? node.get("validUntil").date() : null;
            if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
                throw node.error("validUntil " + validUntil + " lies before validFrom " + validFrom);
            }
            if (!node.has("checked")) {
                throw node.error("'checked' is missing: the day someone read the fact in its source");
            }
            LocalDate checked = readOn(node.get("checked"));
            if (checked.plusMonths(STALE_AFTER_MONTHS).isBefore(today)) {
                warnings.add(node.error("checked on " + checked + ", more than " + STALE_AFTER_MONTHS
                        + " months ago: read the source again").getMessage());
            }
            return new Fact(node.get("text").text(), source(node.get("source")), checked, validFrom, validUntil);
        }

        private Source source(YamlNode node) {
            String id = node.string();
            Source source = sources.get(id);
            if (source == null) {
                throw node.error("source '" + id + "' is not defined under 'sources'");
            }
            return source;
        }

        private AdviceRule rule(YamlNode node) {
            Map<String, Object> map = node.map(Set.of("light", "answer", "sectionsNotGreen", "teamBelow", "all",
                    "any"));
            if (map.size() != 1) {
                throw node.error("a condition has exactly one of light, answer, sectionsNotGreen, teamBelow, all, any");
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
                case "teamBelow" -> teamBelow(body);
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
            String sectionId = section(node);
            Set<Light> lights = node.get("in").list().stream().map(v -> oneOf(v, Light.class))
                    .collect(Collectors.toUnmodifiableSet());
            return new AdviceRule.LightIs(sectionId, lights);
        }

        private AdviceRule teamBelow(YamlNode node) {
            node.map(Set.of("section", "points"));
            String sectionId = section(node);
            int points = node.get("points").integer();
            if (points < 1 || points > 100) {
                throw node.error("points must be within 1..100");
            }
            return new AdviceRule.TeamBelow(sectionId, points);
        }

        /** The condition's section, which must be in every questionnaire version the catalogue serves. */
        private String section(YamlNode node) {
            String sectionId = node.get("section").string();
            for (Questionnaire questionnaire : users) {
                if (questionnaire.section(sectionId).isEmpty()) {
                    throw node.error("section '" + sectionId + "' is not in " + named(questionnaire));
                }
            }
            return sectionId;
        }

        private AdviceRule answer(YamlNode node) {
            node.map(Set.of("item", "in"));
            String itemId = node.get("item").string();
            Set<String> values = new LinkedHashSet<>();
            node.get("in").list().forEach(value -> values.add(value.string()));
            for (Questionnaire questionnaire : users) {
                Item item = questionnaire.item(itemId).orElseThrow(() -> node.error("item '" + itemId
                        + "' is not in " + named(questionnaire)));
                values.stream().filter(v -> item.option(v).isEmpty()).findFirst().ifPresent(v -> {
                    throw node.error("value '" + v + "' is not an option of item '" + itemId + "' in "
                            + named(questionnaire));
                });
            }
            return new AdviceRule.AnswerIs(itemId, Set.copyOf(values));
        }
    }

    private static String named(Questionnaire questionnaire) {
        return "questionnaire " + questionnaire.id() + " version " + questionnaire.version();
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
