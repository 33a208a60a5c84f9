package nl.groenlicht.scan.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;

import java.util.LinkedHashMap;
import java.util.Map;

/** The current questionnaire as JSON, in Dutch or with {@code ?lang=en} in English. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/questionnaire")
class QuestionnaireApiController {

    private final QuestionnaireCatalog catalog;

    QuestionnaireApiController(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    @Get
    Map<String, Object> questionnaire(@Nullable @QueryValue String lang) {
        Language language = Language.parse(lang).orElse(Language.DEFAULT);
        Questionnaire q = catalog.current();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", q.id());
        json.put("version", q.version());
        json.put("profile", q.profile().stream().map(i -> item(i, language)).toList());
        json.put("sections", q.sections().stream().map(s -> {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("id", s.id());
            section.put("title", s.title().in(language));
            section.put("items", s.items().stream().map(i -> item(i, language)).toList());
            return section;
        }).toList());
        return json;
    }

    private static Map<String, Object> item(Item item, Language language) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("text", item.text().in(language));
        json.put("type", item.type().name());
        json.put("scored", item.scored());
        json.put("options", item.options().stream().map(o -> option(item, o, language)).toList());
        return json;
    }

    private static Map<String, Object> option(Item item, AnswerOption option, Language language) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", option.value());
        json.put("label", option.label().in(language));
        json.put("score", option.score());
        json.put("knockout", item.isKnockout(option.value()));
        return json;
    }
}
