package nl.groenlicht.advice;

import nl.groenlicht.scan.Text;

import java.time.LocalDate;

/** A primary source for facts in advice texts, and the day someone last read it. */
public record Source(String id, Text title, String url, LocalDate checked) {
}
