package nl.groenlicht.report.web;

import nl.groenlicht.advice.AdviceCategory;
import nl.groenlicht.advice.PlanLine;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.SectionLight;

import java.text.BreakIterator;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The report's first page, for a director with a minute: the three most important actions and the financial
 * instruments that apply, each with its key condition; the verdict and the lights come from the result model.
 *
 * @param fromPlan     whether the actions are lines of the action plan (with owner and date) or, without a plan, the
 *                     most urgent advice
 * @param lightCounts  how many sections have each light, red first: a text alternative to the chart
 */
public record ReportSummary(boolean fromPlan, List<Action> actions, List<Instrument> instruments,
                            List<LightCount> lightCounts) {

    static final int ACTIONS = 3;

    // The order a reader looks for them: what stops a placement first.
    private static final List<Light> COUNTED = List.of(Light.RED, Light.ORANGE, Light.GREEN, Light.INCOMPLETE,
            Light.NOT_APPLICABLE);

    /** An action on the first page; owner and target date only for a line of the plan. */
    public record Action(String adviceId, String title, String urgency, String nextStep, String owner,
                         String targetDate) {
    }

    /** A financial instrument that applies to this scan, with the first sentence of its conditions. */
    public record Instrument(String adviceId, String title, String provider, String keyCondition) {
    }

    public record LightCount(String light, String label, long count) {
    }

    /**
     * @param advice the scan's advice
     * @param plan   the plan's lines as the report shows them, in the order of {@code lines}
     */
    static ReportSummary of(List<AdviceView> advice, List<PlanLine> lines, List<AdviceView.PlanLineView> plan,
                            List<SectionLight> sections, Map<Light, String> lightLabels, Language language) {
        Map<String, AdviceView> byId = advice.stream().collect(Collectors.toMap(AdviceView::id, Function.identity()));
        List<Action> actions = plan.isEmpty() ? mostUrgentAdvice(advice) : mostUrgentPlanLines(byId, lines, plan);
        List<Instrument> instruments = advice.stream()
                // A scheme that has ended is no longer offered on the first page.
                .filter(a -> a.category().equals(AdviceCategory.FINANCIAL.name()) && a.endedOn() == null)
                .map(a -> new Instrument(a.id(), a.title(), a.provider(), firstSentence(a.conditions(), language)))
                .toList();
        Map<Light, Long> counts = sections.stream()
                .collect(Collectors.groupingBy(SectionLight::light, () -> new EnumMap<>(Light.class),
                        Collectors.counting()));
        List<LightCount> lightCounts = COUNTED.stream().filter(counts::containsKey)
                .map(light -> new LightCount(light.name(), lightLabels.get(light), counts.get(light))).toList();
        return new ReportSummary(!plan.isEmpty(), actions, instruments, lightCounts);
    }

    // Red before orange before the rest; at equal urgency a decision ("not yet") before a referral, as the report
    // orders its categories.
    private static final Comparator<AdviceView> MOST_URGENT = Comparator.comparingInt(ReportSummary::urgencyRank)
            .thenComparing(a -> AdviceCategory.valueOf(a.category()));

    private static List<Action> mostUrgentAdvice(List<AdviceView> advice) {
        return advice.stream().filter(a -> a.endedOn() == null).sorted(MOST_URGENT).limit(ACTIONS)
                .map(a -> new Action(a.id(), a.title(), a.urgency(), a.nextStep(), null, null)).toList();
    }

    /** Lines of red advice first, then orange, then the rest; at equal urgency the earliest target date first. */
    private static List<Action> mostUrgentPlanLines(Map<String, AdviceView> byId, List<PlanLine> lines,
                                                    List<AdviceView.PlanLineView> plan) {
        Comparator<Integer> byUrgency = Comparator.comparingInt(i -> urgencyRank(byId.get(lines.get(i).adviceId())));
        return IntStream.range(0, plan.size()).boxed()
                .sorted(byUrgency.thenComparing(i -> lines.get(i).targetDate()))
                .limit(ACTIONS)
                .map(i -> {
                    AdviceView.PlanLineView line = plan.get(i);
                    AdviceView item = byId.get(line.adviceId());
                    return new Action(line.adviceId(), line.title(), item == null ? "GENERAL" : item.urgency(),
                            item == null ? null : item.nextStep(), line.owner(), line.targetDate());
                })
                .toList();
    }

    // A plan line whose advice no longer applies (the answers changed since) comes after every advice that does.
    private static int urgencyRank(AdviceView advice) {
        if (advice == null) {
            return 3;
        }
        return switch (advice.urgency()) {
            case "RED" -> 0;
            case "ORANGE" -> 1;
            default -> 2;
        };
    }

    /** The key condition: the first sentence of the conditions, as the language splits sentences. */
    static String firstSentence(String text, Language language) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(language.locale());
        sentences.setText(text);
        int end = sentences.next();
        return text.substring(0, end == BreakIterator.DONE ? text.length() : end).strip();
    }
}
