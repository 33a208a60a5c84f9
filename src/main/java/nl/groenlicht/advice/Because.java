package nl.groenlicht.advice;

import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.SectionLight;

import java.util.List;

/** What made a rule hold: a section's light, an answer, or what a team said in its pulse. */
public sealed interface Because {

    record SectionLit(SectionLight section) implements Because {
    }

    record Answered(Item item, List<AnswerOption> chosen) implements Because {
    }

    /** A team's pulse scored the section lower than the scan did. */
    record TeamSaid(TeamSays team, SectionLight section) implements Because {
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
