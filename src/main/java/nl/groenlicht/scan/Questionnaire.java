package nl.groenlicht.scan;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One published version of a questionnaire: the profile questions and the scored sections. */
public final class Questionnaire {

    private final String id;
    private final int version;
    private final Text title;
    private final List<Item> profile;
    private final List<Section> sections;
    private final Map<String, Item> itemsById = new LinkedHashMap<>();
    /** By item id: comparing Item records field by field was 4 % of all CPU under load (bench/ profile). */
    private final Map<String, Section> sectionsByItemId = new HashMap<>();

    public Questionnaire(String id, int version, Text title, List<Item> profile, List<Section> sections) {
        this.id = id;
        this.version = version;
        this.title = title;
        this.profile = List.copyOf(profile);
        this.sections = List.copyOf(sections);
        profile.forEach(i -> itemsById.put(i.id(), i));
        sections.forEach(s -> s.items().forEach(i -> {
            itemsById.put(i.id(), i);
            sectionsByItemId.put(i.id(), s);
        }));
    }

    public String id() {
        return id;
    }

    public int version() {
        return version;
    }

    public Text title() {
        return title;
    }

    public List<Item> profile() {
        return profile;
    }

    public List<Section> sections() {
        return sections;
    }

    /** How many questions there are, the profile's included. */
    public int itemCount() {
        return itemsById.size();
    }

    public Optional<Item> item(String itemId) {
        return Optional.ofNullable(itemsById.get(itemId));
    }

    public Optional<Section> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    /**
     * Whether a condition holds for the given answers. A condition on an item that does not apply itself
     * does not hold either, so skip rules chain.
     */
    public boolean holds(Condition condition, Answers answers) {
        if (condition == null) {
            return true;
        }
        Item source = itemsById.get(condition.itemId());
        return source != null && applies(source, answers) && condition.holdsFor(answers.values(condition.itemId()));
    }

    public boolean applies(Item item, Answers answers) {
        Optional<Section> section = sectionOf(item);
        return section.map(s -> holds(s.condition(), answers)).orElse(true) && holds(item.condition(), answers);
    }

    public boolean applies(Section section, Answers answers) {
        return holds(section.condition(), answers);
    }

    public Optional<Section> sectionOf(Item item) {
        return Optional.ofNullable(sectionsByItemId.get(item.id()));
    }
}
