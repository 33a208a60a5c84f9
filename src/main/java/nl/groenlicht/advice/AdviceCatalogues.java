package nl.groenlicht.advice;

import nl.groenlicht.scan.Questionnaire;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Every published advice catalogue by its version. A scan gets the catalogue of the highest version at or below its
 * questionnaire's version, so that a scan keeps the advice texts it was made with when a newer catalogue appears.
 */
public final class AdviceCatalogues {

    private final NavigableMap<Integer, AdviceCatalogue> byVersion;
    private final List<String> warnings;

    AdviceCatalogues(Map<Integer, AdviceCatalogue> byVersion, List<String> warnings) {
        this.byVersion = new TreeMap<>(byVersion);
        this.warnings = List.copyOf(warnings);
    }

    /** The catalogue for scans on this questionnaire version; the loader made sure every loaded version has one. */
    public AdviceCatalogue forQuestionnaire(Questionnaire questionnaire) {
        Map.Entry<Integer, AdviceCatalogue> entry = byVersion.floorEntry(questionnaire.version());
        if (entry == null) {
            throw new IllegalArgumentException("no advice catalogue for " + questionnaire.id() + " version "
                    + questionnaire.version());
        }
        return entry.getValue();
    }

    /** What a person maintaining the seed data should know, e.g. facts whose source was read long ago. */
    public List<String> warnings() {
        return warnings;
    }
}
