package nl.groenlicht.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;

import static nl.groenlicht.support.Options.best;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole self-assessment in a real browser at a true 360 px phone viewport. */
@MicronautTest(transactional = false)
class SelfAssessmentBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    QuestionnaireCatalog catalog;

    @Test
    void employerCompletesTheScanOnAPhoneAndSeesAllLightsGreen() throws IOException {
        Questionnaire questionnaire = catalog.current();
        try (Browser browser = Browser.start(server.getURI())) {
            ChromeDriver driver = browser.driver();
            browser.open("/");
            browser.checkPhoneLayout("01-start");
            browser.clickButton("Start de scan");

            assertTrue(driver.getTitle().startsWith("Over uw organisatie"), driver.getTitle());
            browser.clickButton("Opslaan en verder");
            assertTrue(driver.getTitle().startsWith("Fout:"), "empty name is refused: " + driver.getTitle());
            browser.checkPhoneLayout("02-profile-error");
            driver.findElement(By.cssSelector(".error-summary a[href='#organisationName']")).click();
            browser.type("organisationName", "Schoonmaakbedrijf De Eendracht");
            browser.choose("sector", "cleaning-facilities");
            browser.choose("clientSites", "yes");
            browser.choose("publicTenders", "yes");
            browser.checkPhoneLayout("03-profile");
            browser.clickButton("Opslaan en verder");

            assertTrue(driver.findElement(By.id("resume-link")).getAttribute("value").contains("/resume/"));
            browser.checkPhoneLayout("04-saved");
            browser.clickButton("Verder met de scan");

            browser.answerSections(questionnaire.sections(), (section, item) -> best(item), "05-section-");

            String verdict = driver.findElement(By.cssSelector(".verdict h2")).getText();
            assertEquals("Klaar: alle lichten staan op groen", verdict);
            assertEquals(questionnaire.sections().size(),
                    driver.findElements(By.cssSelector("table .light--green")).size());
            browser.checkPhoneLayout("06-result");
        }
    }
}
