package nl.groenlicht.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF renderer on its own: its embedded fonts, also when several PDFs are rendered at once. */
class PdfRendererTest {

    private static final String SUBSET_TAG = "[A-Z]{6}\\+";

    private final PdfRenderer renderer = new PdfRenderer();

    private static String page(String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body { font-family: \"DejaVu Sans\"; }"
                + "</style></head><body>" + body + "</body></html>";
    }

    @Test
    void accentsTheEuroSignAndBoldTextPrintInTheirOwnEmbeddedSubsets() throws IOException {
        String regular = "Daniëlle betaalt € 12,50 voor een café";
        byte[] pdf = renderer.render(page("<p>" + regular + "</p><p><b>Vetgedrukt</b></p>"));

        Map<String, Set<String>> fontsOfTexts = fontsOfTexts(pdf);
        assertEquals(Set.of(regular, "Vetgedrukt"), fontsOfTexts.keySet());
        assertEquals(1, fontsOfTexts.get(regular).size(), fontsOfTexts.toString());
        assertTrue(fontsOfTexts.get(regular).iterator().next().matches(SUBSET_TAG + "DejaVuSans"),
                fontsOfTexts.toString());
        assertEquals(1, fontsOfTexts.get("Vetgedrukt").size(), fontsOfTexts.toString());
        assertTrue(fontsOfTexts.get("Vetgedrukt").iterator().next().matches(SUBSET_TAG + "DejaVuSans-Bold"),
                fontsOfTexts.toString());
    }

    /** Each run of text in the PDF with the names of the embedded fonts it is printed in. */
    private static Map<String, Set<String>> fontsOfTexts(byte[] pdf) throws IOException {
        Map<String, Set<String>> fonts = new HashMap<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                Set<String> names = fonts.computeIfAbsent(text, t -> new HashSet<>());
                for (TextPosition position : positions) {
                    PDFont font = position.getFont();
                    assertTrue(font.isEmbedded(), font.getName());
                    names.add(font.getName());
                }
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stripper.getText(document);
        }
        return fonts;
    }

    @Test
    void pdfsRenderedAtTheSameTimeAreTheSameAsEachRenderedAlone() throws Exception {
        // Different characters on each page, so each PDF needs a different subset of the shared fonts.
        List<String> pages = List.of(
                page("<h1>Daniëlle &amp; Zoë</h1><p>Één café, drie ideeën.</p>"),
                page("<p>Subsidie € 1.250,00 per jaar</p><p><b>Actieplan</b> voor de leidinggevende</p>"),
                page("<h2>Werkplek</h2><p>Begeleiding, jobcoach en aanpassingen (UWV)</p>"),
                page("<p><b>Nog niet klaar</b>: 3 van 7 onderdelen op rood — ‘Leidinggevende’</p>"));
        List<List<String>> alone = new ArrayList<>();
        for (String html : pages) {
            alone.add(fingerprint(renderer.render(html)));
        }

        int rounds = 5;
        CyclicBarrier together = new CyclicBarrier(pages.size());
        ExecutorService threads = Executors.newFixedThreadPool(pages.size());
        try {
            List<Future<List<List<String>>>> renders = new ArrayList<>();
            for (String html : pages) {
                renders.add(threads.submit(() -> {
                    List<List<String>> fingerprints = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        together.await(1, TimeUnit.MINUTES);
                        fingerprints.add(fingerprint(renderer.render(html)));
                    }
                    return fingerprints;
                }));
            }
            for (int i = 0; i < pages.size(); i++) {
                for (List<String> fingerprint : renders.get(i).get(2, TimeUnit.MINUTES)) {
                    assertEquals(alone.get(i), fingerprint, "page " + i);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * What a reader sees of a PDF: its text, each page's drawing instructions (which glyphs, where) and the embedded
     * font programs. Unlike the bytes of the file, this leaves out the creation time and the document id.
     */
    private static List<String> fingerprint(byte[] pdf) throws IOException {
        List<String> parts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            parts.add(new PDFTextStripper().getText(document));
            for (PDPage page : document.getPages()) {
                try (InputStream contents = page.getContents()) {
                    parts.add("contents " + sha256(contents.readAllBytes()));
                }
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    PDStream program = font.getFontDescriptor() == null ? null : font.getFontDescriptor().getFontFile2();
                    parts.add(name.getName() + " " + font.getName() + " "
                            + (program == null ? "not embedded" : sha256(program.toByteArray())));
                }
            }
        }
        return parts;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
