package nl.groenlicht.response;

import nl.groenlicht.response.AnswerError.Problem;
import nl.groenlicht.scan.AnswerType;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks submitted answers against the questionnaire before anything is stored. An empty list (or blank text)
 * clears an answer.
 */
public final class AnswerValidator {

    public static final int MAX_TEXT_LENGTH = 2000;
    /** Control characters (but tab and line breaks) and half a surrogate pair: no text, and PostgreSQL refuses NUL. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|\\p{Cs}");

    private final Questionnaire questionnaire;

    public AnswerValidator(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    /** Where answers come from: starting a scan (profile only, required items must be there) or a later save. */
    public enum Scope {
        START, SAVE
    }

    /**
     * The answers to store, normalised; throws with every problem found when any answer is wrong. A required item
     * must be filled in when a scan starts and cannot be cleared later.
     */
    public Map<String, List<String>> validate(Map<String, List<String>> submitted, Scope scope) {
        List<AnswerError> errors = new ArrayList<>();
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        submitted.forEach((itemId, values) -> {
            Optional<Item> item = questionnaire.item(itemId);
            if (item.isEmpty()) {
                errors.add(new AnswerError(itemId, Problem.UNKNOWN_ITEM));
            } else if (scope == Scope.START && !questionnaire.profile().contains(item.get())) {
                errors.add(new AnswerError(itemId, Problem.NOT_A_PROFILE_ITEM));
            } else {
                check(item.get(), values).ifPresentOrElse(p -> errors.add(new AnswerError(itemId, p)),
                        () -> accepted.put(itemId, normalise(item.get(), values)));
            }
        });
        questionnaire.profile().stream()
                .filter(Item::required)
                .filter(i -> scope == Scope.START || accepted.containsKey(i.id()))
                .filter(i -> accepted.getOrDefault(i.id(), List.of()).isEmpty())
                .filter(i -> errors.stream().noneMatch(e -> e.item().equals(i.id())))
                .forEach(i -> errors.add(new AnswerError(i.id(), Problem.REQUIRED)));
        if (!errors.isEmpty()) {
            throw new InvalidAnswersException(errors);
        }
        return accepted;
    }

    private static Optional<Problem> check(Item item, List<String> values) {
        if (item.type() == AnswerType.TEXT) {
            if (values.size() > 1) {
                return Optional.of(Problem.ONE_VALUE_ONLY);
            }
            String text = values.isEmpty() ? "" : values.get(0);
            if (CONTROL.matcher(text).find()) {
                return Optional.of(Problem.CONTROL_CHARACTERS);
            }
            if (text.strip().length() > MAX_TEXT_LENGTH) {
                return Optional.of(Problem.TOO_LONG);
            }
            return Optional.empty();
        }
        if (item.type() != AnswerType.MULTI && values.size() > 1) {
            return Optional.of(Problem.ONE_VALUE_ONLY);
        }
        if (values.stream().anyMatch(v -> item.option(v).isEmpty())) {
            return Optional.of(Problem.NOT_AN_OPTION);
        }
        return Optional.empty();
    }

    private static List<String> normalise(Item item, List<String> values) {
        if (item.type() == AnswerType.TEXT) {
            String text = values.isEmpty() ? "" : values.get(0).strip();
            return text.isEmpty() ? List.of() : List.of(text);
        }
        // MULTI keeps the questionnaire's option order and drops repeats.
        LinkedHashSet<String> chosen = new LinkedHashSet<>(values);
        return item.options().stream().map(o -> o.value()).filter(chosen::contains).toList();
    }
}
