package nl.groenlicht.advice;

import nl.groenlicht.scoring.Light;

import java.util.List;

/**
 * Advice for one scan: the catalogue item and why it applies. {@code urgency} is RED or ORANGE when a light of that
 * colour is among the reasons, else null (general advice).
 */
public record Advice(AdviceItem item, List<Because> because, Light urgency) {
}
