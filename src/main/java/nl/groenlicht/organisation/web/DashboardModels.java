package nl.groenlicht.organisation.web;

import jakarta.inject.Singleton;
import nl.groenlicht.organisation.Dashboard;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.response.SectionScore;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.Section;
import nl.groenlicht.scoring.Light;
import nl.groenlicht.scoring.Readiness;
import nl.groenlicht.web.Messages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The dashboard's rows: each organisation with the verdict of its latest scan and the sections holding it back,
 * each shown as icon and word (never colour alone).
 */
@Singleton
class DashboardModels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    /** The light that stands for a verdict, so a verdict looks like the lights it sums up. */
    private static final Map<String, Light> VERDICT_LIGHT = Map.of(
            Readiness.READY.name(), Light.GREEN, Readiness.CONDITIONAL.name(), Light.ORANGE,
            Readiness.NOT_YET.name(), Light.RED, Readiness.INCOMPLETE.name(), Light.INCOMPLETE);

    private final ScanService scans;
    private final Messages messages;

    DashboardModels(ScanService scans, Messages messages) {
        this.scans = scans;
        this.messages = messages;
    }

    List<Map<String, Object>> rows(Dashboard.Page page, Language language) {
        Map<Long, Map<String, SectionScore>> scores = scans.sectionScores(
                page.entries().stream().map(Dashboard.Entry::scanId).filter(Objects::nonNull).toList());
        return page.entries().stream().map(entry -> row(entry,
                entry.scanId() == null ? Map.of() : scores.getOrDefault(entry.scanId(), Map.of()), language)).toList();
    }

    /** The verdicts to filter on, with the one for organisations that have no scan yet. */
    List<Map<String, String>> filters(Language language) {
        return Stream.concat(Arrays.stream(Readiness.values()).map(Readiness::name), Stream.of(Dashboard.NOT_SCANNED))
                .map(v -> Map.of("value", v, "label", verdictLabel(v, language))).toList();
    }

    private Map<String, Object> row(Dashboard.Entry entry, Map<String, SectionScore> scores, Language language) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", entry.organisationId());
        row.put("name", entry.name());
        String verdict = entry.readiness() == null ? Dashboard.NOT_SCANNED : entry.readiness();
        row.put("verdict", Map.of("light", VERDICT_LIGHT.getOrDefault(verdict, Light.NOT_APPLICABLE).name(),
                "lightLabel", verdictLabel(verdict, language)));
        if (entry.scanId() != null) {
            row.put("scanId", entry.scanId());
            row.put("scan", messages.get(language, "dashboard.scan." + entry.scanMode(),
                    DATE.format(entry.scannedAt().atZone(NETHERLANDS))));
        }
        row.put("attention", scans.currentQuestionnaire().sections().stream()
                .map(section -> attention(section, scores.get(section.id()), language))
                .filter(Objects::nonNull).toList());
        return row;
    }

    /** A section that is not green, as a light with the section's title; null for green and absent sections. */
    private Map<String, String> attention(Section section, SectionScore score, Language language) {
        if (score == null || score.light() == Light.GREEN || score.light() == Light.NOT_APPLICABLE) {
            return null;
        }
        return Map.of("light", score.light().name(), "lightLabel", section.title().in(language) + ": "
                + messages.get(language, "light." + score.light().name()).toLowerCase(language.locale()));
    }

    private String verdictLabel(String verdict, Language language) {
        return Dashboard.NOT_SCANNED.equals(verdict) ? messages.get(language, "dashboard.notScanned")
                : messages.get(language, "readiness." + verdict);
    }
}
