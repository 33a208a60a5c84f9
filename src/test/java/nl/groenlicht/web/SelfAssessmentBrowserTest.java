package nl.groenlicht.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.Section;
import nl.groenlicht.support.Browser;
import nl.groenlicht.support.Keyboard;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

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

    /**
     * The same scan with the keyboard alone: Tab, the arrow keys, Space and Enter, never a click. Every tab stop on
     * the way must show its focus, and the first one is a skip link to the content.
     */
    @Test
    void employerCompletesTheScanWithTheKeyboardAlone() throws IOException {
        Questionnaire questionnaire = catalog.current();
        try (Browser browser = Browser.start(server.getURI())) {
            ChromeDriver driver = browser.driver();
            Keyboard keyboard = new Keyboard(browser);
            browser.open("/");
            keyboard.press(Keys.TAB);
            WebElement skipLink = keyboard.focused();
            assertEquals("Direct naar de inhoud", skipLink.getText());
            assertTrue(skipLink.getRect().getHeight() >= 24 && skipLink.getRect().getWidth() >= 24,
                    "the focused skip link shows: " + skipLink.getRect());
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            assertEquals("main", keyboard.focused().getAttribute("id"), "the skip link moves the focus to the content");
            keyboard.activate("Start de scan");

            keyboard.typeInto("organisationName", "Schoonmaakbedrijf De Eendracht");
            keyboard.choose("sector", "cleaning-facilities");
            keyboard.choose("clientSites", "yes");
            keyboard.choose("publicTenders", "yes");
            keyboard.activate("Opslaan en verder");
            assertTrue(driver.getCurrentUrl().endsWith("/saved"), driver.getCurrentUrl());
            keyboard.activate("Verder met de scan");

            for (Section section : questionnaire.sections()) {
                assertTrue(driver.getCurrentUrl().endsWith("/sections/" + section.id()), driver.getCurrentUrl());
                section.scoredItems().forEach(item -> keyboard.choose(item.id(), best(item)));
                keyboard.activate("Opslaan en verder");
            }
            assertTrue(driver.getCurrentUrl().endsWith("/result"), driver.getCurrentUrl());
            assertEquals("Klaar: alle lichten staan op groen", driver.findElement(By.cssSelector(".verdict h2")).getText());
            browser.checkPhoneLayout("07-keyboard-result");
        }
    }
}
