package nl.groenlicht.advice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks an action plan as submitted: each picked advice needs an owner and a target date from today on. */
public final class PlanValidator {

    public static final int MAX_OWNER_LENGTH = 200;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    /** What was typed for one advice. */
    public record Submitted(String adviceId, String owner, String targetDate) {
    }

    /** The plan, or the problems by advice id and field ("owner" or "date") with a message key. */
    public record Outcome(List<PlanLine> plan, Map<String, String> errors) {
    }

    public Outcome check(List<Submitted> lines, LocalDate today) {
        List<PlanLine> plan = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Submitted line : lines) {
            String owner = line.owner() == null ? "" : line.owner().strip();
            if (owner.isEmpty()) {
                errors.put(line.adviceId() + ".owner", "error.plan.ownerRequired");
            } else if (owner.length() > MAX_OWNER_LENGTH || CONTROL.matcher(owner).find()) {
                // Control characters are refused with the same message: nobody types them on purpose.
                errors.put(line.adviceId() + ".owner", "error.plan.ownerTooLong");
            }
            LocalDate date = null;
            try {
                date = LocalDate.parse(line.targetDate() == null ? "" : line.targetDate().strip());
                if (date.isBefore(today)) {
                    errors.put(line.adviceId() + ".date", "error.plan.datePast");
                }
            } catch (DateTimeParseException e) {
                errors.put(line.adviceId() + ".date", "error.plan.dateRequired");
            }
            if (errors.isEmpty()) {
                plan.add(new PlanLine(line.adviceId(), owner, date));
            }
        }
        return new Outcome(errors.isEmpty() ? List.copyOf(plan) : List.of(), errors);
    }
}
