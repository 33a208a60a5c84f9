package nl.groenlicht.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.Section;
import nl.groenlicht.support.Browser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static nl.groenlicht.support.TestAccounts.newCoach;
import static nl.groenlicht.support.Options.best;
import static nl.groenlicht.support.Options.worst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A coach's site visit in a real browser at a true 360 px phone viewport, from login to the downloaded report. */
@MicronautTest(transactional = false)
class CoachVisitBrowserTest {

    private static final String COACH_PASSWORD = "coach-wachtwoord-op-locatie";
    private static final String ORGANISATION = "Schoonmaakbedrijf Het Anker";
    private static final String SITE = "Ziekenhuis Isala, schoonmaak";
    /** Answered worst, so its knockout turns it red and the verdict cannot be green. */
    private static final String RED_SECTION = "work";

    @Inject
    EmbeddedServer server;
    @Inject
    QuestionnaireCatalog catalog;


    @Test
    void coachScansAClientSiteOnAPhoneAndDownloadsTheReport() throws IOException {
        Questionnaire questionnaire = catalog.current();
        try (Browser browser = Browser.start(server.getURI())) {
            ChromeDriver driver = browser.driver();
            String email = newCoach(server.getURI(), COACH_PASSWORD);

            browser.open("/login");
            browser.checkPhoneLayout("coach-01-login");
            browser.type("email", email);
            browser.type("password", COACH_PASSWORD);
            browser.clickButton("Inloggen");

            assertTrue(driver.getCurrentUrl().endsWith("/coach"), driver.getCurrentUrl());
            assertEquals("Welkom, Coach Test", driver.findElement(By.tagName("h1")).getText());
            browser.checkPhoneLayout("coach-02-home");
            browser.type("name", ORGANISATION);
            browser.clickButton("Organisatie toevoegen");

            String organisationPage = driver.getCurrentUrl();
            assertTrue(organisationPage.matches(".*/coach/organisations/\\d+"), organisationPage);
            assertEquals(ORGANISATION, driver.findElement(By.tagName("h1")).getText());
            browser.type("name", SITE);
            browser.choose("kind", "CLIENT_SITE");
            browser.clickButton("Locatie toevoegen");

            assertEquals(organisationPage, driver.getCurrentUrl());
            assertTrue(driver.getPageSource().contains("Nog geen scan op deze locatie."));
            browser.checkPhoneLayout("coach-03-organisation");
            // Every site has such a button; the site's name in it is for screen readers only.
            browser.clickButton("Start een scan op locatie " + SITE);

            assertTrue(driver.getTitle().startsWith("Over uw organisatie"), driver.getTitle());
            assertEquals(ORGANISATION, driver.findElement(By.id("organisationName")).getAttribute("value"),
                    "the scan knows the organisation");
            assertTrue(driver.findElement(By.cssSelector("input[name='clientSites'][value='yes']")).isSelected(),
                    "a client's site brings the client section");
            browser.choose("sector", "cleaning-facilities");
            browser.choose("publicTenders", "no");
            browser.checkPhoneLayout("coach-04-profile");
            browser.clickButton("Opslaan en verder");

            browser.answerSections(questionnaire.sections(),
                    (section, item) -> section.id().equals(RED_SECTION) ? worst(item) : best(item), "coach-05-section-");

            assertEquals("Nog niet klaar", driver.findElement(By.cssSelector(".verdict h2")).getText());
            Map<String, String> lights = driver.findElements(By.cssSelector("table tbody tr")).stream()
                    .collect(Collectors.toMap(row -> row.findElement(By.tagName("th")).getText(),
                            // The light is a flex box: Selenium reads its icon and label as two lines.
                            row -> row.findElement(By.tagName("td")).getText().replaceAll("\\s+", " ")));
            for (Section section : questionnaire.sections()) {
                String title = section.title().in(Language.NL);
                assertEquals(section.id().equals(RED_SECTION) ? "✕ Rood" : "✓ Groen", lights.get(title), title);
            }
            String redTitle = questionnaire.section(RED_SECTION).orElseThrow().title().in(Language.NL);
            assertTrue(driver.findElement(By.cssSelector(".verdict")).getText().contains(redTitle + ": Rood"),
                    "the verdict names what holds it back");
            browser.checkPhoneLayout("coach-06-result");

            Path pdf = browser.download("Download het adviesrapport (pdf)");
            assertTrue(pdf.getFileName().toString().endsWith(".pdf"), pdf.toString());
            byte[] bytes = Files.readAllBytes(pdf);
            assertEquals("%PDF", new String(Arrays.copyOf(bytes, 4), StandardCharsets.US_ASCII));
            try (PDDocument document = Loader.loadPDF(bytes)) {
                assertTrue(new PDFTextStripper().getText(document).contains(ORGANISATION),
                        "the report names the organisation");
            }

            browser.open(organisationPage);
            assertEquals(1, driver.findElements(By.partialLinkText("Scan van ")).size(),
                    "the visit is listed at its site");
        }
    }
}
