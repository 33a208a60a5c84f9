package nl.groenlicht.report.web;

import jakarta.inject.Singleton;
import nl.groenlicht.advice.Advice;
import nl.groenlicht.pulse.web.PulseExport;
import nl.groenlicht.report.ReportData;
import nl.groenlicht.scan.AnswerType;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scoring.SectionLight;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A scan's result and its full export as JSON maps. */
@Singleton
class ReportJson {

    private final ReportModels models;

    ReportJson(ReportModels models) {
        this.models = models;
    }

    Map<String, Object> result(ReportData data, Language language) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("readiness", data.result().readiness().name());
        json.put("questionnaire", Map.of("id", data.questionnaire().id(), "version", data.questionnaire().version()));
        json.put("sections", data.result().sections().stream().map(light -> section(light, language)).toList());
        json.put("advice", data.advice().stream().map(a -> advice(a, data.date(), language)).toList());
        return json;
    }

    Map<String, Object> export(ReportData data, Language language) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scan", Map.of("id", data.scan().id(), "mode", data.scan().scanMode().name(),
                "createdAt", data.scan().createdAt().toString(), "updatedAt", data.scan().updatedAt().toString()));
        json.put("questionnaire", Map.of("id", data.questionnaire().id(), "version", data.questionnaire().version()));
        json.put("profile", answers(data, data.questionnaire().profile()));
        json.put("answers", answers(data, data.questionnaire().sections().stream()
                .flatMap(s -> s.items().stream()).toList()));
        Map<String, Object> result = result(data, language);
        json.put("result", Map.of("readiness", result.get("readiness"), "sections", result.get("sections")));
        json.put("advice", data.advice().stream().map(a -> {
            Map<String, Object> advice = advice(a, data.date(), language);
            advice.put("nextStep", a.item().nextStep().in(language));
            advice.put("provider", a.item().provider().name());
            return advice;
        }).toList());
        json.put("plan", data.plan().stream().map(line -> Map.of("adviceId", line.adviceId(), "owner", line.owner(),
                "targetDate", line.targetDate().toString())).toList());
        json.put("pulses", PulseExport.of(data.pulses()));
        return json;
    }

    private static Map<String, Object> answers(ReportData data, List<Item> items) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Item item : items) {
            List<String> values = data.answers().values(item.id());
            if (!values.isEmpty()) {
                answers.put(item.id(), item.type() == AnswerType.MULTI ? values : values.get(0));
            }
        }
        return answers;
    }

    private static Map<String, Object> section(SectionLight light, Language language) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("id", light.section().id());
        section.put("title", light.section().title().in(language));
        section.put("score", light.score());
        section.put("light", light.light().name());
        section.put("reasons", light.reasons().stream().map(reason -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("kind", reason.kind().name());
            r.put("item", reason.item().id());
            r.put("question", reason.item().text().in(language));
            r.put("answer", reason.answer() == null ? null : reason.answer().value());
            r.put("score", reason.answer() == null ? null : reason.answer().score());
            return r;
        }).toList());
        return section;
    }

    private Map<String, Object> advice(Advice advice, LocalDate day, Language language) {
        Map<String, Object> json = new LinkedHashMap<>();
        AdviceView view = models.view(advice, day, language);
        json.put("id", view.id());
        json.put("category", view.category());
        json.put("title", view.title());
        json.put("because", view.because());
        return json;
    }
}
