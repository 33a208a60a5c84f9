package nl.groenlicht.report.web;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** An advice as pages and the report show it, in the page language. */
public record AdviceView(String id, String category, String categoryLabel, String urgency, String title, String text,
                         String nextStep, String provider, String conditions, List<String> because,
                         List<FactView> facts, List<SourceView> sources, @Nullable String endedOn) {

    /** A fact with its source's reading date, and the source's own dates only where it gives them. */
    public record FactView(String text, String sourceTitle, String url, boolean secondary, String checked,
                           @Nullable String validFrom, @Nullable String validUntil, boolean ended) {
    }

    public record SourceView(String title, String url, String checked) {
    }

    /** Advice of one category, in the order the report lists them. */
    public record Group(String category, String label, List<AdviceView> advice) {
    }

    /** A line of the action plan with its advice's title. */
    public record PlanLineView(String adviceId, String title, String owner, String targetDate) {
    }
}
