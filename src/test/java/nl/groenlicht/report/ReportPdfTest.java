package nl.groenlicht.report;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.ScanAnswers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PDF report as a director and a screen reader meet it: a summary page first, a compact detail, a tagged
 * document whose text copies as plain letters.
 */
@MicronautTest(transactional = false)
class ReportPdfTest {

    private static final String NAME = "Bakkerij <script>alert('x')</script> Daniëlle & Zoë";
    private static final Pattern ADVICE = Pattern.compile(
            "<div class=\"advice advice--(\\w+)\" id=\"advice-([^\"]+)\">\\s*<h4 class=\"heading-s\">([^<]*)</h4>\\s*<p>([^<]*)</p>");
    private static final Pattern LIGATURES = Pattern.compile("[\\x{FB00}-\\x{FB06}]");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    QuestionnaireCatalog catalog;

    /** A scan with a private token and the browser that made it (holding its cookie). */
    private record Scan(long id, String token, Http browser) {
        String pdf(String lang) {
            return "/api/scans/" + id + "/report.pdf?lang=" + lang;
        }
    }

    /** An advice as the report page shows it. */
    private record Shown(String urgency, String id, String title, String text) {
    }

    private Scan scan(boolean mixed) throws IOException {
        Http browser = new Http(server.getURI());
        String created = browser.post("/api/scans", "application/json", json.writeValueAsString(Map.of(
                "mode", "SELF", "profile", Map.of("organisationName", NAME, "clientSites", "yes",
                        "publicTenders", "yes", "concerns", List.of("absence-risk"))))).body();
        Map<String, Object> body = json.readValue(created, Argument.mapOf(String.class, Object.class));
        Scan scan = new Scan(((Number) body.get("id")).longValue(), (String) body.get("token"), browser);
        Questionnaire questionnaire = catalog.current();
        if (mixed) {
            ScanAnswers.answerMixed(server.getURI(), json, questionnaire, scan.id(), scan.token());
        } else {
            ScanAnswers.answerAll(server.getURI(), json, questionnaire, scan.id(), scan.token(),
                    questionnaire.sections().stream().map(s -> s.id()).toArray(String[]::new));
        }
        browser.get("/resume/" + scan.token());
        return scan;
    }

    private List<Shown> adviceOnThePage(Scan scan, String lang) {
        String page = scan.browser().get("/scans/" + scan.id() + "/report?lang=" + lang).body();
        List<Shown> shown = new ArrayList<>();
        Matcher m = ADVICE.matcher(page);
        while (m.find()) {
            shown.add(new Shown(m.group(1), m.group(2), unescape(m.group(3)), unescape(m.group(4))));
        }
        assertFalse(shown.isEmpty(), "the report page shows advice");
        return shown;
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** Puts the given advice in the plan, each with its own owner and target date. */
    private void plan(Scan scan, Map<String, LocalDate> dates) {
        String path = "/scans/" + scan.id() + "/plan";
        String page = scan.browser().get(path).body();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertTrue(version.find());
        Map<String, List<String>> form = new HashMap<>();
        form.put("_csrf", List.of(Http.csrfOf(page)));
        form.put("version", List.of(version.group(1)));
        form.put("include", List.copyOf(dates.keySet()));
        dates.forEach((adviceId, date) -> {
            form.put("owner-" + adviceId, List.of(owner(adviceId)));
            form.put("date-" + adviceId, List.of(date.toString()));
        });
        assertEquals(303, scan.browser().postForm(path, form).statusCode());
    }

    private static String owner(String adviceId) {
        return "Teamleider " + adviceId;
    }

    private void planEverything(Scan scan, String lang) {
        Map<String, LocalDate> dates = new HashMap<>();
        adviceOnThePage(scan, lang).forEach(a -> dates.put(a.id(), LocalDate.now().plusMonths(3)));
        plan(scan, dates);
    }

    private byte[] pdf(Scan scan, String lang) {
        byte[] pdf = scan.browser().getBytes(scan.pdf(lang), "X-Scan-Token", scan.token()).body();
        assertEquals("%PDF", new String(pdf, 0, 4));
        return pdf;
    }

    private static String text(byte[] pdf, int from, int to) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // In reading order: the page's footer, drawn first, comes last.
            stripper.setSortByPosition(true);
            stripper.setStartPage(from);
            stripper.setEndPage(to);
            return stripper.getText(document).replaceAll("\\s+", " ").strip();
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertTrue(start >= 0 && end > start, "'" + from + "' before '" + to + "' in: " + text);
        return text.substring(start, end);
    }

    @Test
    void withoutAPlanTheFirstPageHoldsVerdictLightsTheThreeMostUrgentAdviceAndTheInstruments() throws Exception {
        Scan scan = scan(true);
        List<Shown> advice = adviceOnThePage(scan, "en");
        byte[] pdf = pdf(scan, "en");
        String first = text(pdf, 1, 1);

        assertTrue(first.contains("Not ready yet"), first);
        String result = http().get("/api/scans/" + scan.id() + "/result?lang=en", "X-Scan-Token", scan.token()).body();
        Map<String, Long> lights = new HashMap<>();
        for (Map<String, Object> section : sections(result)) {
            String light = (String) section.get("light");
            lights.merge(light, 1L, Long::sum);
            String label = light.charAt(0) + light.substring(1).toLowerCase(Locale.ROOT);
            assertTrue(first.contains(section.get("title") + " " + section.get("score")), section.toString());
            assertTrue(Pattern.compile(Pattern.quote((String) section.get("title")) + " \\d+ \\S " + label)
                    .matcher(first).find(), "each light as icon and word: " + section);
        }
        assertTrue(lights.size() >= 2, "a mixed scan: " + lights);
        lights.forEach((light, count) -> assertTrue(first.contains(count + " × "
                + light.charAt(0) + light.substring(1).toLowerCase(Locale.ROOT)), "the lights counted in words"));

        String actions = between(first, "The three most important actions", "Financial instruments that fit");
        assertTrue(actions.contains("action plan is still empty"), "says where the actions come from");
        List<Shown> named = advice.stream().filter(a -> actions.contains(a.title())).toList();
        assertEquals(3, named.size(), actions);
        named.forEach(a -> assertEquals("red", a.urgency(), "red first: " + a.title()));

        String instruments = first.substring(first.indexOf("Financial instruments that fit"));
        List<String> financial = List.of("No-risk policy", "Social return (SROI)");
        financial.forEach(i -> assertTrue(instruments.contains(i), i + " applies to this scan: " + instruments));
        assertFalse(instruments.contains("Wage cost subsidy"), "an instrument that does not apply is not summarised");

        assertTrue(text(pdf, 2, 2).startsWith("Findings per part"), "the detail starts on page 2");
    }

    @Test
    void withAPlanTheFirstPageShowsItsThreeMostUrgentLinesWithOwnerAndDate() throws Exception {
        Scan scan = scan(true);
        List<Shown> advice = adviceOnThePage(scan, "en");
        List<Shown> red = advice.stream().filter(a -> a.urgency().equals("red")).toList();
        Shown orange = advice.stream().filter(a -> a.urgency().equals("orange")).findFirst().orElseThrow();
        Shown general = advice.stream().filter(a -> a.urgency().equals("general")).findFirst().orElseThrow();
        LocalDate today = LocalDate.now();
        plan(scan, Map.of(general.id(), today.plusMonths(1), orange.id(), today.plusMonths(2),
                red.get(0).id(), today.plusMonths(6), red.get(1).id(), today.plusMonths(4)));

        String first = text(pdf(scan, "en"), 1, 1);
        String actions = between(first, "The three most important actions", "Financial instruments that fit");
        assertTrue(actions.contains("From your action plan"), actions);
        List<Shown> expected = List.of(red.get(1), red.get(0), orange);
        int previous = -1;
        for (Shown line : expected) {
            int at = actions.indexOf(line.title());
            assertTrue(at > previous, "red before orange, the earlier date first: " + actions);
            assertTrue(actions.indexOf(owner(line.id()), at) > at, "with its owner: " + actions);
            previous = at;
        }
        assertTrue(actions.contains(today.plusMonths(4).format(DateTimeFormatter.ofPattern("d MMMM yyyy",
                Locale.ENGLISH))), "with its target date: " + actions);
        assertFalse(actions.contains(owner(general.id())), "a fourth line waits for the detail: " + actions);
    }

    @Test
    void theMixedScanWithAFullPlanTakesFewerThanTwelvePages() throws Exception {
        Scan scan = scan(true);
        planEverything(scan, "nl");
        for (String lang : List.of("nl", "en")) {
            byte[] pdf = pdf(scan, lang);
            assertTrue(pages(pdf) < 12, lang + ": " + pages(pdf) + " pages");
            // Without spaces (a line may break after a hyphen: "no-\nriskpolis") and without the page footers that
            // interrupt an advice running on to the next page.
            String all = text(pdf, 1, pages(pdf)).replaceAll("\\s+", "").replaceAll("Groenlicht\\d+/\\d+", "");
            for (Shown advice : adviceOnThePage(scan, lang)) {
                assertTrue(all.contains(advice.text().replaceAll("\\s+", "")), "every advice's text: " + advice.id());
            }
        }
    }

    @Test
    void withEverySectionRedAndAFullPlanTheSummaryStillFitsThePage() throws Exception {
        Scan scan = scan(false);
        planEverything(scan, "nl");
        byte[] pdf = pdf(scan, "nl");
        String first = text(pdf, 1, 1);
        assertTrue(first.contains("Financiële regelingen die bij uw scan passen"), first);
        assertTrue(first.contains("No-riskpolis"), "the last part of the summary is on page 1: " + first);
        assertTrue(text(pdf, 2, 2).startsWith("Bevindingen per onderdeel"), "nothing of the summary on page 2");
    }

    @Test
    void thePdfIsTaggedWithTitleLanguageHeadingsAndTables() throws Exception {
        Scan scan = scan(true);
        for (String lang : List.of("nl", "en")) {
            try (PDDocument document = Loader.loadPDF(pdf(scan, lang))) {
                PDDocumentCatalog pdfCatalog = document.getDocumentCatalog();
                assertNotNull(pdfCatalog.getMarkInfo(), "MarkInfo");
                assertTrue(pdfCatalog.getMarkInfo().isMarked(), "marked as tagged");
                assertEquals(lang, pdfCatalog.getLanguage());
                String title = (lang.equals("nl") ? "Adviesrapport werkplekscan" : "Workplace scan advice report")
                        + " – " + NAME;
                assertEquals(title, document.getDocumentInformation().getTitle());
                assertTrue(pdfCatalog.getViewerPreferences().displayDocTitle(), "viewers show the title");
                try (InputStream xmp = pdfCatalog.getMetadata().exportXMPMetadata()) {
                    XMPMetadata metadata = new DomXmpParser().parse(xmp.readAllBytes());
                    assertEquals(title, metadata.getDublinCoreSchema().getTitle());
                }
                assertNotNull(pdfCatalog.getStructureTreeRoot(), "a structure tree");
                Set<String> types = new TreeSet<>();
                structureTypes(pdfCatalog.getStructureTreeRoot(), types);
                for (String type : List.of("H1", "H2", "H3", "Table", "TR", "TH", "TD", "L", "LI", "P", "Link")) {
                    assertTrue(types.contains(type), type + " in " + types);
                }
            }
        }
    }

    private static void structureTypes(PDStructureNode node, Set<String> types) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                types.add(element.getStructureType());
                structureTypes(element, types);
            }
        }
    }

    @Test
    void extractedTextHasPlainLettersWhereTheFontHasLigatures() throws Exception {
        Scan scan = scan(true);
        Set<String> words = new HashSet<>();
        // The words with fi and fl that the report page shows (its questions, reasons, advice and facts).
        String page = unescape(scan.browser().get("/scans/" + scan.id() + "/report?lang=nl").body()
                .replaceAll("<[^>]*>", " "));
        Matcher word = Pattern.compile("\\p{L}*f[il]\\p{L}*").matcher(page);
        while (word.find()) {
            words.add(word.group());
        }
        assertTrue(words.size() >= 3, "the report has words with fi and fl: " + words);
        String text = unicodeAsMapped(pdf(scan, "nl"));
        Matcher ligature = LIGATURES.matcher(text);
        assertFalse(ligature.find(), () -> "a ligature code point in: " + text.substring(Math.max(0,
                ligature.start() - 40), Math.min(text.length(), ligature.end() + 40)));
        words.forEach(w -> assertTrue(text.contains(w), "'" + w + "' reads as plain letters"));
    }

    /**
     * The text as the PDF maps its glyphs to Unicode, which is what copying and pdftotext give. PDFTextStripper's own
     * output would not do: it folds ligature code points back into letters.
     */
    private static String unicodeAsMapped(byte[] pdf) throws IOException {
        StringBuilder text = new StringBuilder();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String normalised, List<TextPosition> positions) {
                positions.forEach(p -> text.append(p.getUnicode()));
                text.append(' ');
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stripper.getText(document);
        }
        return text.toString().replaceAll("\\s+", " ");
    }

    private Http http() {
        return new Http(server.getURI());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> sections(String result) throws IOException {
        return (List<Map<String, Object>>) json.readValue(result, Argument.mapOf(String.class, Object.class))
                .get("sections");
    }
}
