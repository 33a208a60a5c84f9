package nl.groenlicht.comparison.web;

import jakarta.inject.Singleton;
import nl.groenlicht.comparison.Comparison;
import nl.groenlicht.comparison.ComparisonService;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.web.Messages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the comparison page and the coach's report show of a comparison, in the reader's language. */
@Singleton
public class ComparisonModels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private final Messages messages;

    ComparisonModels(Messages messages) {
        this.messages = messages;
    }

    public Map<String, Object> model(ComparisonService.Pair pair, Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("employerScanId", pair.employerScan().id());
        model.put("coachScanId", pair.coachScan().id());
        model.put("employerDate", DATE.format(pair.employerScan().createdAt().atZone(NETHERLANDS)));
        model.put("coachDate", DATE.format(pair.coachScan().createdAt().atZone(NETHERLANDS)));
        model.put("sections", pair.comparison().sections().stream().map(s -> section(s, language)).toList());
        model.put("disagreements", pair.comparison().disagreements().size());
        model.put("employerVersion", pair.employerScan().questionnaireVersion());
        return model;
    }

    private Map<String, Object> section(Comparison.SectionComparison section, Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", section.section().id());
        model.put("title", section.section().title().in(language));
        model.put("employer", light(section.employerLight(), section.employerScore(), language));
        model.put("coach", light(section.coachLight(), section.coachScore(), language));
        model.put("differs", section.lightsDiffer());
        model.put("summary", messages.get(language, "compare.summary", lightWord(section.employerLight(), language),
                lightWord(section.coachLight(), language)));
        model.put("items", section.items().stream().map(i -> item(i, language)).toList());
        model.put("differingItems", section.differingItems().stream().map(i -> item(i, language)).toList());
        return model;
    }

    private Map<String, Object> item(Comparison.ItemComparison item, Language language) {
        return Map.of("text", item.item().text().in(language),
                "employer", answer(item.item(), item.employerValues(), language),
                "coach", answer(item.item(), item.coachValues(), language),
                "differs", item.differs(),
                "inEmployerVersion", item.inEmployerVersion().name());
    }

    private String answer(Item item, List<String> values, Language language) {
        return values.isEmpty() ? messages.get(language, "compare.noAnswer") : values.stream()
                .map(v -> item.option(v).map(o -> o.label().in(language)).orElse(v))
                .collect(Collectors.joining(", "));
    }

    private Map<String, Object> light(Light light, Integer score, Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("light", light.name());
        model.put("lightLabel", messages.get(language, "light." + light.name()));
        if (score != null) {
            model.put("score", score);
        }
        return model;
    }

    private String lightWord(Light light, Language language) {
        return messages.get(language, "light." + light.name()).toLowerCase(language.locale());
    }
}
