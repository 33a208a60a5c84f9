package nl.groenlicht.advice;

import nl.groenlicht.scan.Text;

import java.time.LocalDate;

/** A fact that changes over time (an amount, a duration, a condition), with where it comes from and since when it holds. */
public record Fact(Text text, Source source, LocalDate validAsOf) {
}
