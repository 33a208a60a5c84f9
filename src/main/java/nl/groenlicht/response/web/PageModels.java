package nl.groenlicht.response.web;

import jakarta.inject.Singleton;
import nl.groenlicht.response.AnswerError;
import nl.groenlicht.scan.AnswerType;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Condition;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.web.Messages;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds what the scan templates show from the questionnaire, the answers and any errors. */
@Singleton
class PageModels {

    private final Messages messages;

    PageModels(Messages messages) {
        this.messages = messages;
    }

    List<ItemView> items(Questionnaire questionnaire, List<Item> items, Answers answers, List<AnswerError> errors,
                         Language language) {
        Map<String, String> errorByItem = errors.stream().collect(Collectors.toMap(AnswerError::item,
                e -> messages.get(language, e.problem().messageKey()), (a, b) -> a));
        return items.stream()
                .filter(item -> shown(questionnaire, item, items, answers))
                .map(item -> view(questionnaire, item, answers, errorByItem.get(item.id()), language))
                .toList();
    }

    /**
     * An item whose condition depends on a question on the same page is always shown, with a hint, since the page
     * works without JavaScript; one that depends on an earlier page is shown only when its condition holds.
     */
    private static boolean shown(Questionnaire questionnaire, Item item, List<Item> page, Answers answers) {
        Condition condition = item.condition();
        if (condition == null || page.stream().anyMatch(i -> i.id().equals(condition.itemId()))) {
            return true;
        }
        return questionnaire.holds(condition, answers);
    }

    private ItemView view(Questionnaire questionnaire, Item item, Answers answers, String error, Language language) {
        List<String> values = answers.values(item.id());
        List<ItemView.OptionView> options = item.options().stream()
                .map(o -> new ItemView.OptionView(o.value(), o.label().in(language), values.contains(o.value())))
                .toList();
        String value = item.type() == AnswerType.TEXT && !values.isEmpty() ? values.get(0) : "";
        return new ItemView(item.id(), item.type().name(), item.text().in(language),
                item.help() == null ? null : item.help().in(language), conditionHint(questionnaire, item, language),
                item.required(), options, value, error);
    }

    private String conditionHint(Questionnaire questionnaire, Item item, Language language) {
        Condition condition = item.condition();
        if (condition == null) {
            return null;
        }
        Item source = questionnaire.item(condition.itemId()).orElseThrow();
        String labels = source.options().stream()
                .filter(o -> condition.values().contains(o.value()))
                .map(o -> "‘" + o.label().in(language) + "’")
                .collect(Collectors.joining(" / "));
        return messages.get(language, "scan.conditionHint", source.text().in(language), labels);
    }
}
