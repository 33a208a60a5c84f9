package nl.groenlicht.report.web;

import jakarta.inject.Singleton;
import nl.groenlicht.advice.Advice;
import nl.groenlicht.advice.AdviceCatalogue;
import nl.groenlicht.advice.AdviceCategory;
import nl.groenlicht.advice.AdviceEngine;
import nl.groenlicht.advice.AdviceItem;
import nl.groenlicht.advice.Because;
import nl.groenlicht.advice.Fact;
import nl.groenlicht.comparison.web.ComparisonModels;
import nl.groenlicht.advice.Source;
import nl.groenlicht.pulse.web.PulseModels;
import nl.groenlicht.report.ReportData;
import nl.groenlicht.response.web.ResultModels;
import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.web.Messages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The model of the result page, the report page and the PDF: lights, advice with its reasons, instruments, plan. */
@Singleton
public class ReportModels {

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    // Built once: parsing the pattern and looking up the locale's month names took a tenth of the result page.
    private static final Map<Language, DateTimeFormatter> LONG_DATES = Arrays.stream(Language.values())
            .collect(Collectors.toMap(language -> language, language -> DateTimeFormatter.ofPattern("d MMMM yyyy",
                    language.locale()), (a, b) -> a, () -> new EnumMap<>(Language.class)));

    private final Messages messages;
    private final ResultModels results;
    private final AdviceEngine adviceEngine;
    private final ComparisonModels comparisons;
    private final PulseModels pulses;

    ReportModels(Messages messages, ResultModels results, AdviceEngine adviceEngine, ComparisonModels comparisons,
                 PulseModels pulses) {
        this.messages = messages;
        this.pulses = pulses;
        this.comparisons = comparisons;
        this.results = results;
        this.adviceEngine = adviceEngine;
    }

    public Map<String, Object> model(ReportData data, Language language) {
        Map<String, Object> model = results.model(data.scan(), data.questionnaire(), data.answers(), data.result(),
                language);
        List<AdviceView> advice = data.advice().stream().map(a -> view(a, data.date(), language)).toList();
        model.put("advice", advice);
        List<AdviceView.Group> groups = Arrays.stream(AdviceCategory.values())
                .map(c -> new AdviceView.Group(c.name(), messages.get(language, "category." + c.name()),
                        advice.stream().filter(a -> a.category().equals(c.name())).toList()))
                .filter(g -> !g.advice().isEmpty())
                .toList();
        model.put("adviceGroups", groups);
        model.put("sourceList", SourceList.of(groups));
        List<String> applying = data.advice().stream().map(a -> a.item().id()).toList();
        AdviceCatalogue catalogue = adviceEngine.catalogue(data.questionnaire());
        model.put("instruments", catalogue.items().stream()
                .filter(i -> i.category() == AdviceCategory.FINANCIAL)
                .map(i -> Map.of("advice", view(new Advice(i, List.of(), null), data.date(), language),
                        "applies", applying.contains(i.id()),
                        "keyCondition", ReportSummary.firstSentence(i.conditions().in(language), language),
                        "checked", i.facts().stream().map(Fact::checked).distinct().sorted()
                                .map(d -> d.format(SHORT_DATE)).toList()))
                .toList());
        List<AdviceView.PlanLineView> plan = data.plan().stream()
                .map(line -> new AdviceView.PlanLineView(line.adviceId(),
                        catalogue.item(line.adviceId()).map(i -> i.title().in(language)).orElse(line.adviceId()),
                        line.owner(), date(line.targetDate(), language)))
                .toList();
        model.put("plan", plan);
        model.put("summary", ReportSummary.of(advice, data.plan(), plan, data.result().sections(),
                lightLabels(language), language));
        model.put("date", date(data.date(), language));
        if (data.comparison() != null) {
            model.put("comparison", comparisons.model(data.comparison(), language));
        }
        model.put("pulses", pulses.views(data.pulses(), data.questionnaire(), data.result(), data.scan().scanMode(),
                data.comparison() == null ? null : data.comparison().comparison(), language));
        return model;
    }

    /** The advice as shown on {@code day}: a fact whose own end date has passed is shown as ended. */
    public AdviceView view(Advice advice, LocalDate day, Language language) {
        AdviceItem item = advice.item();
        return new AdviceView(item.id(), item.category().name(), messages.get(language, "category." + item.category().name()),
                advice.urgency() == null ? "GENERAL" : advice.urgency().name(), item.title().in(language),
                item.text().in(language), item.nextStep().in(language),
                messages.get(language, "provider." + item.provider().name()),
                item.conditions() == null ? null : item.conditions().in(language),
                advice.because().stream().map(b -> because(b, language)).toList(),
                item.facts().stream().map(f -> fact(f, day, language)).toList(),
                item.sources().stream().map(s -> source(s, language)).toList(),
                item.endedBy(day).map(d -> date(d, language)).orElse(null));
    }

    private static AdviceView.FactView fact(Fact fact, LocalDate day, Language language) {
        return new AdviceView.FactView(fact.text().in(language), fact.source().title().in(language), fact.source().url(),
                fact.source().secondary(), date(fact.checked(), language), optionalDate(fact.validFrom(), language),
                optionalDate(fact.validUntil(), language), fact.hasEndedBy(day));
    }

    private AdviceView.SourceView source(Source source, Language language) {
        return new AdviceView.SourceView(source.title().in(language), source.url(), date(source.checked(), language));
    }

    private String because(Because because, Language language) {
        if (because instanceof Because.SectionLit lit) {
            return messages.get(language, "advice.becauseLight", lit.section().section().title().in(language),
                    messages.get(language, "light." + lit.section().light().name()));
        }
        if (because instanceof Because.TeamSaid said) {
            return messages.get(language, "pulse.because", said.team().team(), said.team().round(),
                    said.team().answers(), said.section().section().title().in(language),
                    said.team().sectionScores().get(said.section().section().id()), said.section().score());
        }
        Because.Answered answered = (Because.Answered) because;
        return messages.get(language, "advice.becauseAnswer", answered.item().text().in(language),
                answered.chosen().stream().map(AnswerOption::label).map(t -> t.in(language))
                        .collect(Collectors.joining(", ")));
    }

    private static String optionalDate(LocalDate date, Language language) {
        return date == null ? null : date(date, language);
    }

    private Map<Light, String> lightLabels(Language language) {
        Map<Light, String> labels = new EnumMap<>(Light.class);
        for (Light light : Light.values()) {
            labels.put(light, messages.get(language, "light." + light.name()));
        }
        return labels;
    }

    static String date(LocalDate date, Language language) {
        return date.format(LONG_DATES.get(language));
    }
}
