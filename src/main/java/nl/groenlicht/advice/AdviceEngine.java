package nl.groenlicht.advice;

import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.ScanResult;

import java.util.Comparator;
import java.util.List;

/**
 * Selects the advice whose rules hold for a scan, from the catalogue of the scan's questionnaire version: red first,
 * then orange, then general, catalogue order within.
 */
public final class AdviceEngine {

    private final AdviceCatalogues catalogues;

    public AdviceEngine(AdviceCatalogues catalogues) {
        this.catalogues = catalogues;
    }

    public AdviceCatalogue catalogue(Questionnaire questionnaire) {
        return catalogues.forQuestionnaire(questionnaire);
    }

    public List<Advice> advise(Questionnaire questionnaire, Answers answers, ScanResult result) {
        return advise(questionnaire, answers, result, List.of());
    }

    /** The advice with what the teams said in their pulses: only rules on a pulse read {@code teams}. */
    public List<Advice> advise(Questionnaire questionnaire, Answers answers, ScanResult result, List<TeamSays> teams) {
        AdviceRule.Scan scan = new AdviceRule.Scan(questionnaire, answers, result, List.copyOf(teams));
        return catalogue(questionnaire).items().stream()
                .flatMap(item -> item.rule().holds(scan).stream()
                        .map(because -> new Advice(item, because, Because.worstLight(because))))
                .sorted(Comparator.comparingInt(AdviceEngine::urgencyRank))
                .toList();
    }

    private static int urgencyRank(Advice advice) {
        if (advice.urgency() == Light.RED) {
            return 0;
        }
        return advice.urgency() == Light.ORANGE ? 1 : 2;
    }
}
