package nl.groenlicht.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.inject.Singleton;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Turns the report's HTML into a tagged PDF. The font is embedded so that ë, é and € print the same everywhere;
 * jsoup turns the HTML5 into the XML document the PDF renderer needs.
 *
 * <p>The two fonts are parsed once, not on every render: each PDF still gets its own font object and its own subset,
 * built from the shared parsed font. Renders run on several threads at once; they only read the parsed font
 * (fontbox parses every table up front and locks what it reads lazily later).
 */
@Singleton
public class PdfRenderer {

    private static final String FONT_FAMILY = "DejaVu Sans";

    private final TrueTypeFont regular = font("/fonts/DejaVuSans.ttf");
    private final TrueTypeFont bold = font("/fonts/DejaVuSans-Bold.ttf");

    public byte[] render(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The renderer saves and closes the document; closing it again here only matters when rendering fails.
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Tagged (PDF/UA): a structure tree with headings and tables, the title and language from the HTML.
            builder.usePdfUaAccessibility(true);
            builder.usePDDocument(document);
            builder.useFont(new EmbeddedSubset(document, regular), FONT_FAMILY, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(new EmbeddedSubset(document, bold), FONT_FAMILY, 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
        return out.toByteArray();
    }

    /** Adds the parsed font to one document, only once the document uses it (as the stream supplier did). */
    private static final class EmbeddedSubset extends PDFontSupplier {

        private final PDDocument document;
        private final TrueTypeFont font;

        EmbeddedSubset(PDDocument document, TrueTypeFont font) {
            super(null);
            this.document = document;
            this.font = font;
        }

        @Override
        public PDFont supply() {
            try {
                return PDType0Font.load(document, font, true);
            } catch (IOException e) {
                throw new UncheckedIOException("the font cannot be added to the PDF", e);
            }
        }
    }

    private static TrueTypeFont font(String resource) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the build");
            }
            // Parsed from memory: subsetting "closes" the font it was given, which for a font held in memory frees
            // nothing, so the font stays usable for the next PDF.
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            // Without glyph substitution PDFBox draws "fi" and "fl" as two letters, not as DejaVu's ligature glyphs,
            // which text extraction and copying would turn into U+FB01 and U+FB02 instead of plain letters.
            font.setEnableGsub(false);
            prepare(font);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("font " + resource + " cannot be read", e);
        }
    }

    /**
     * Adding a font to a document fills fontbox's lazy caches (glyph names, the outlines of "H" and "x"). Doing it
     * once here, before any render can see the font, means concurrent renders never fill them at the same time.
     */
    private static void prepare(TrueTypeFont font) throws IOException {
        try (PDDocument scratch = new PDDocument()) {
            PDType0Font.load(scratch, font, true);
        }
    }
}
