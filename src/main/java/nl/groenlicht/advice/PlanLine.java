package nl.groenlicht.advice;

import java.time.LocalDate;

/** One line of an action plan: a picked advice, who takes it up and by when. */
public record PlanLine(String adviceId, String owner, LocalDate targetDate) {
}
