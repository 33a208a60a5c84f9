package nl.groenlicht.organisation.web;

import jakarta.inject.Singleton;
import nl.groenlicht.organisation.Organisation;
import nl.groenlicht.organisation.Site;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.ScanMode;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.response.SectionScore;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.QuestionChange;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.Section;
import nl.groenlicht.scoring.Trend;
import nl.groenlicht.web.Messages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A site's history: its scans, newest first, and per section how its light and score moved from scan to scan.
 * Each scan is compared with the previous scan of the same kind: a coach's visit with the coach's last visit.
 */
@Singleton
class SiteModels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private final ScanService scans;
    private final Messages messages;

    SiteModels(ScanService scans, Messages messages) {
        this.scans = scans;
        this.messages = messages;
    }

    Map<String, Object> model(Organisation organisation, Site site, Language language) {
        List<Scan> newestFirst = scans.atSite(site.id());
        Map<Long, Map<String, SectionScore>> scores = scans.sectionScores(newestFirst.stream().map(Scan::id).toList());
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", Map.of("id", organisation.id(), "name", organisation.name()));
        model.put("site", Map.of("id", site.id(), "name", site.name(),
                "kind", messages.get(language, "site.kind." + site.kind().name())));
        model.put("scans", newestFirst.stream().map(scan -> Map.of("id", scan.id(), "date", date(scan),
                "kind", messages.get(language, "scanMode." + scan.scanMode().name()),
                "verdict", messages.get(language, "readiness." + scan.readiness()))).toList());
        // Comparable: the site has a self-assessment and a coach's scan (the comparison itself is on its own page).
        model.put("comparable", newestFirst.stream().anyMatch(scan -> scan.scanMode() == ScanMode.SELF)
                && newestFirst.stream().anyMatch(scan -> scan.scanMode() == ScanMode.COACH));
        model.put("trends", scans.currentQuestionnaire().sections().stream()
                .map(section -> trend(section, newestFirst, scores, language)).toList());
        return model;
    }

    private Map<String, Object> trend(Section section, List<Scan> newestFirst,
                                      Map<Long, Map<String, SectionScore>> scores, Language language) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            Scan scan = newestFirst.get(i);
            SectionScore score = scores.getOrDefault(scan.id(), Map.of()).get(section.id());
            if (score == null) {
                continue;
            }
            Optional<Scan> previous = previousOfSameKind(newestFirst, i);
            Trend trend = previous
                    .map(before -> scores.getOrDefault(before.id(), Map.of()).get(section.id()))
                    .map(before -> Trend.between(before.light(), before.score(), score.light(), score.score()))
                    .orElse(Trend.UNKNOWN);
            Map<String, Object> row = new HashMap<>();
            row.put("date", date(scan));
            row.put("kind", messages.get(language, "scanMode." + scan.scanMode().name()));
            row.put("light", score.light().name());
            row.put("lightLabel", messages.get(language, "light." + score.light().name()));
            row.put("score", score.score() == null ? "–" : String.valueOf(score.score()));
            row.put("trend", messages.get(language, "trend." + trend.name()));
            previous.filter(before -> before.questionnaireVersion() != scan.questionnaireVersion())
                    .ifPresent(before -> row.put("versionNote", versionNote(section.id(), before, scan, language)));
            rows.add(row);
        }
        return Map.of("title", section.title().in(language), "rows", rows);
    }

    /** Trend matches questions by id across versions; where the versions differ, the row says how much. */
    private String versionNote(String sectionId, Scan before, Scan after, Language language) {
        Questionnaire older = scans.questionnaire(before);
        Map<QuestionChange, Long> changes = scans.questionnaire(after).section(sectionId).stream()
                .flatMap(s -> s.scoredItems().stream())
                .collect(Collectors.groupingBy(item -> QuestionChange.of(item, older), Collectors.counting()));
        return messages.get(language, "site.trendVersion", before.questionnaireVersion(), after.questionnaireVersion(),
                changes.getOrDefault(QuestionChange.CHANGED, 0L), changes.getOrDefault(QuestionChange.NEW, 0L));
    }

    private static Optional<Scan> previousOfSameKind(List<Scan> newestFirst, int index) {
        return newestFirst.subList(index + 1, newestFirst.size()).stream()
                .filter(s -> s.scanMode() == newestFirst.get(index).scanMode()).findFirst();
    }

    private static String date(Scan scan) {
        return DATE.format(scan.createdAt().atZone(NETHERLANDS));
    }
}
