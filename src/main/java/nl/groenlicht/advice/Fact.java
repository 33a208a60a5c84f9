package nl.groenlicht.advice;

import io.micronaut.core.annotation.Nullable;
import nl.groenlicht.scan.Text;

import java.time.LocalDate;

/**
 * A claim that can change or be wrong (an amount, a duration, a condition, "free", "offered by"), with its source and
 * three dates kept apart: the day someone read it in the source, and only where the source itself says so, from and
 * until when it holds.
 */
public record Fact(Text text, Source source, LocalDate checked, @Nullable LocalDate validFrom,
                   @Nullable LocalDate validUntil) {

    /** Whether the source's own end date lies before {@code day}. */
    public boolean hasEndedBy(LocalDate day) {
        return validUntil != null && validUntil.isBefore(day);
    }
}
