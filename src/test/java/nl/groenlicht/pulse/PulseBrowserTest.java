package nl.groenlicht.pulse;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.support.Browser;
import nl.groenlicht.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Twelve colleagues answer the pulse on a 360 px phone in real Chromium, each on a device without cookies. */
@MicronautTest(transactional = false)
class PulseBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    PulseCatalog pulses;

    @Test
    void resultsAppearAtTheFifthAnswerNotTheFourth() throws IOException {
        Http api = new Http(server.getURI());
        HttpResponse<String> created = api.post("/api/scans", "application/json", json.writeValueAsString(Map.of(
                "mode", "SELF", "profile", Map.of("organisationName", "Groenteteelt Het Westland"))));
        String token = (String) json.readValue(created.body(), Argument.mapOf(String.class, Object.class)).get("token");
        Http employer = new Http(server.getURI());
        String scan = Http.location(employer.get("/resume/" + token));

        try (Browser browser = Browser.start(server.getURI())) {
            ChromeDriver driver = browser.driver();
            browser.open("/resume/" + token);
            browser.open(scan + "/pulses");
            browser.checkPhoneLayout("pulse-01-open");
            browser.type("team", "Kas 3");
            browser.clickButton("Teampuls openen");
            browser.checkPhoneLayout("pulse-02-link");
            String link = URI.create(driver.findElement(By.id("pulse-link")).getAttribute("value")).getPath();

            for (int respondent = 1; respondent <= 12; respondent++) {
                driver.manage().deleteAllCookies();
                browser.open(link);
                if (respondent == 1) {
                    assertTrue(driver.getPageSource().contains("Groenteteelt Het Westland vraagt u"), "who asks");
                    browser.checkPhoneLayout("pulse-03-respondent");
                    browser.clickButton("Antwoorden versturen");
                    assertTrue(driver.getTitle().startsWith("Fout:"), driver.getTitle());
                    browser.checkPhoneLayout("pulse-04-respondent-errors");
                }
                String value = String.valueOf(1 + respondent % 5);
                pulses.current().statements().forEach(s -> browser.choose(s.id(), value));
                browser.clickButton("Antwoorden versturen");
                assertEquals("Bedankt voor uw antwoorden – Groenlicht", driver.getTitle());
                if (respondent == 1) {
                    browser.checkPhoneLayout("pulse-05-thanks");
                    browser.open(link);
                    pulses.current().statements().forEach(s -> browser.choose(s.id(), "5"));
                    browser.clickButton("Antwoorden versturen");
                    assertEquals("U heeft al geantwoord – Groenlicht", driver.getTitle(), "one device answers once");
                }
                String result = employer.get(scan + "/result").body();
                if (respondent < 5) {
                    assertTrue(result.contains(respondent + " antwoorden ontvangen"), "after " + respondent);
                    assertFalse(result.contains("Over "), "no figures after " + respondent + " answers");
                } else {
                    assertTrue(result.contains("Over " + respondent / 5 * 5 + " antwoorden"), "after " + respondent);
                }
            }
            browser.open("/resume/" + token);
            browser.open(scan + "/result");
            browser.desktop();
            driver.findElement(By.id("team-pulse")).click();
            driver.executeScript("document.getElementById('team-pulse').scrollIntoView()");
            browser.screenshot("pulse-06-result-1280");
            browser.phone();
        }
    }
}
