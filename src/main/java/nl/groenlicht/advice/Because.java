package nl.groenlicht.advice;

import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.SectionLight;

import java.util.List;

/** What made a rule hold: a section's light or an answer. */
public sealed interface Because {

    record SectionLit(SectionLight section) implements Because {
    }

    record Answered(Item item, List<AnswerOption> chosen) implements Because {
    }

    /** The worst light among these reasons, or null when none is about a light. */
    static Light worstLight(List<Because> reasons) {
        boolean orange = false;
        for (Because because : reasons) {
            if (because instanceof SectionLit lit && lit.section().light() == Light.RED) {
                return Light.RED;
            }
            orange |= because instanceof SectionLit lit && lit.section().light() == Light.ORANGE;
        }
        return orange ? Light.ORANGE : null;
    }
}
