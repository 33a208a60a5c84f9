package nl.groenlicht.advice;

import nl.groenlicht.scan.Text;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One piece of advice from the catalogue and the rule that selects it. {@code conditions} is set for FINANCIAL only. */
public record AdviceItem(String id, AdviceCategory category, Provider provider, Text title, Text text, Text nextStep,
                         Text conditions, List<Fact> facts, List<Source> sources, AdviceRule rule) {

    /**
     * The day a fact this advice rests on stopped holding, if one has by {@code day}: such advice is no longer offered
     * as available (a scheme that ended cannot be applied for).
     */
    public Optional<LocalDate> endedBy(LocalDate day) {
        return facts.stream().filter(f -> f.hasEndedBy(day)).map(Fact::validUntil).min(LocalDate::compareTo);
    }
}
