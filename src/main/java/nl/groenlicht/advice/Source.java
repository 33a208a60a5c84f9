package nl.groenlicht.advice;

import io.micronaut.core.annotation.Nullable;
import nl.groenlicht.scan.Text;

import java.time.LocalDate;

/**
 * A source for facts in advice texts, the day someone last read it ({@code checked}) and, where the source gives one,
 * its own date ({@code published}). A secondary source (trade press, one employer's practice) is labelled as such.
 */
public record Source(String id, Text title, String url, boolean secondary, @Nullable LocalDate published,
                     LocalDate checked) {
}
