package nl.groenlicht.response.web;

import java.util.List;

/** A section's light as the result page shows it. */
public record SectionView(String id, String title, String light, String lightLabel, Integer score, String editUrl,
                          List<ReasonView> reasons, List<String> notes) {

    /** An answer behind a light, in the page language. */
    public record ReasonView(String kind, String question, String answer) {
    }
}
