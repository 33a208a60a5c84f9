package nl.groenlicht.comparison;

import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.QuestionChange;
import nl.groenlicht.scan.Section;
import nl.groenlicht.scoring.Light;

import java.util.HashSet;
import java.util.List;

/**
 * The employer's self-assessment next to a coach's scan of the same workplace, section by section and item by item.
 * Where the two see it differently is what the coach and the employer talk about next.
 */
public record Comparison(List<SectionComparison> sections) {

    /** The sections whose lights differ. */
    public List<SectionComparison> disagreements() {
        return sections.stream().filter(SectionComparison::lightsDiffer).toList();
    }

    /** One section: each side's light and score, and every scored question with both answers. */
    public record SectionComparison(Section section, Light employerLight, Integer employerScore, Light coachLight,
                                    Integer coachScore, List<ItemComparison> items) {

        public boolean lightsDiffer() {
            return employerLight != coachLight;
        }

        public List<ItemComparison> differingItems() {
            return items.stream().filter(ItemComparison::differs).toList();
        }
    }

    /**
     * One question with the values each side chose (an empty list is no answer), and how the employer's questionnaire
     * version asked it.
     */
    public record ItemComparison(Item item, List<String> employerValues, List<String> coachValues,
                                 QuestionChange inEmployerVersion) {

        /** Both answered, and not the same: a question one side left open is a gap, not a disagreement. */
        public boolean differs() {
            return !employerValues.isEmpty() && !coachValues.isEmpty()
                    && !new HashSet<>(employerValues).equals(new HashSet<>(coachValues));
        }
    }
}
