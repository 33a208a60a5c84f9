package nl.groenlicht.advice;

import nl.groenlicht.scan.Text;

import java.util.List;

/** One piece of advice from the catalogue and the rule that selects it. {@code conditions} is set for FINANCIAL only. */
public record AdviceItem(String id, AdviceCategory category, Provider provider, Text title, Text text, Text nextStep,
                         Text conditions, List<Fact> facts, List<Source> sources, AdviceRule rule) {
}
