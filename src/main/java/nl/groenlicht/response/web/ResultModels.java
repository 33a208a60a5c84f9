package nl.groenlicht.response.web;

import jakarta.inject.Singleton;
import nl.groenlicht.response.Scan;
import nl.groenlicht.scan.AnswerType;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scoring.Reason;
import nl.groenlicht.scoring.ScanResult;
import nl.groenlicht.scoring.SectionLight;
import nl.groenlicht.web.Messages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the result page shows: the verdict, every section's light with its score, and the answers behind it. */
@Singleton
public class ResultModels {

    private final Messages messages;

    ResultModels(Messages messages) {
        this.messages = messages;
    }

    public Map<String, Object> model(Scan scan, Questionnaire questionnaire, Answers answers, ScanResult result,
                              Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("scanId", scan.id());
        model.put("organisationName", answers.single("organisationName").orElse(""));
        model.put("questionnaireTitle", questionnaire.title().in(language));
        model.put("questionnaireVersion", questionnaire.version());
        model.put("readiness", result.readiness().name());
        model.put("sections", result.sections().stream().map(s -> section(scan, s, answers, language)).toList());
        model.put("holdingBack", result.holdingBack().stream().map(s -> section(scan, s, answers, language)).toList());
        return model;
    }

    private SectionView section(Scan scan, SectionLight light, Answers answers, Language language) {
        List<SectionView.ReasonView> reasons = light.reasons().stream().map(r -> reason(r, language)).toList();
        // The free-text observations of the section: what the user wrote next to the scored questions.
        List<String> notes = light.section().items().stream()
                .filter(i -> i.type() == AnswerType.TEXT)
                .flatMap(i -> answers.single(i.id()).stream())
                .toList();
        return new SectionView(light.section().id(), light.section().title().in(language), light.light().name(),
                messages.get(language, "light." + light.light().name()), light.score(),
                "/scans/" + scan.id() + "/sections/" + light.section().id(), reasons, notes);
    }

    private SectionView.ReasonView reason(Reason reason, Language language) {
        String answer = reason.answer() == null ? messages.get(language, "reason.noAnswer")
                : reason.answer().label().in(language);
        return new SectionView.ReasonView(reason.kind().name(), reason.item().text().in(language), answer);
    }
}
