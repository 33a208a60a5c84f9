package nl.groenlicht.scoring;

/** How a section moved from one scan to the next: the light counts first, the score breaks a tie. */
public enum Trend {
    BETTER, WORSE, SAME, UNKNOWN;

    /** UNKNOWN when either scan has no real light for the section (incomplete or not applicable). */
    public static Trend between(Light before, Integer scoreBefore, Light after, Integer scoreAfter) {
        int rankBefore = rank(before);
        int rankAfter = rank(after);
        if (rankBefore < 0 || rankAfter < 0) {
            return UNKNOWN;
        }
        int change = rankAfter != rankBefore ? Integer.compare(rankAfter, rankBefore)
                : Integer.compare(scoreAfter == null ? 0 : scoreAfter, scoreBefore == null ? 0 : scoreBefore);
        return change > 0 ? BETTER : change < 0 ? WORSE : SAME;
    }

    private static int rank(Light light) {
        return switch (light) {
            case RED -> 0;
            case ORANGE -> 1;
            case GREEN -> 2;
            case INCOMPLETE, NOT_APPLICABLE -> -1;
        };
    }
}
