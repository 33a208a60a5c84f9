package nl.groenlicht.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.Section;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import static nl.groenlicht.support.Options.best;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A whole self-assessment in a real browser (Debian's headless Chromium) at a true 360 px phone viewport.
 * Screenshots of every page land in target/screenshots for a person to look at.
 */
@MicronautTest(transactional = false)
class SelfAssessmentBrowserTest {

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @Inject
    EmbeddedServer server;
    @Inject
    QuestionnaireCatalog catalog;

    private ChromeDriver driver;
    private Path profileDir;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(CHROMEDRIVER.canExecute() && new File(CHROMIUM).canExecute(),
                "Debian chromium and chromium-driver are not installed (.ci/run installs them)");
        profileDir = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--user-data-dir=" + profileDir);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(), options);
        // Headless Chromium keeps windows at least 500 px wide; this gives a real phone viewport.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profileDir != null) {
            try (var files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private void open(String path) {
        driver.get(server.getURI().resolve(path).toString());
    }

    /** Checks the page fits a 360 px phone and keeps a screenshot of it. */
    private void checkPhoneLayout(String name) throws IOException {
        assertEquals(360L, driver.executeScript("return window.innerWidth"), "viewport on " + name);
        long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        assertTrue(scrollWidth <= 360, name + " scrolls sideways: " + scrollWidth + " px");
        assertEquals(1, driver.findElements(By.tagName("h1")).size(), "one heading on " + name);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void choose(String itemId, String value) {
        WebElement input = driver.findElement(By.cssSelector("input[name='" + itemId + "'][value='" + value + "']"));
        driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
        assertTrue(input.isSelected(), itemId + " = " + value);
    }

    /** Clicks a button that leads to another page and waits until that page has loaded. */
    private void clickButton(String text) {
        String before = driver.getCurrentUrl();
        WebElement html = driver.findElement(By.tagName("html"));
        driver.findElements(By.cssSelector("button, a.button")).stream()
                .filter(b -> b.getText().trim().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "' on " + before))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> ExpectedConditions.stalenessOf(html).apply(d)
                && "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }


    @Test
    void employerCompletesTheScanOnAPhoneAndSeesAllLightsGreen() throws IOException {
        Questionnaire questionnaire = catalog.current();
        open("/");
        checkPhoneLayout("01-start");
        clickButton("Start de scan");

        assertTrue(driver.getTitle().startsWith("Over uw organisatie"), driver.getTitle());
        clickButton("Opslaan en verder");
        assertTrue(driver.getTitle().startsWith("Fout:"), "empty name is refused: " + driver.getTitle());
        checkPhoneLayout("02-profile-error");
        driver.findElement(By.cssSelector(".error-summary a[href='#organisationName']")).click();
        driver.findElement(By.id("organisationName")).sendKeys("Schoonmaakbedrijf De Eendracht");
        choose("sector", "cleaning-facilities");
        choose("clientSites", "yes");
        choose("publicTenders", "yes");
        checkPhoneLayout("03-profile");
        clickButton("Opslaan en verder");

        assertTrue(driver.findElement(By.id("resume-link")).getAttribute("value").contains("/resume/"));
        checkPhoneLayout("04-saved");
        clickButton("Verder met de scan");

        int step = 2;
        for (Section section : questionnaire.sections()) {
            assertTrue(driver.getCurrentUrl().endsWith("/sections/" + section.id()), driver.getCurrentUrl());
            assertTrue(driver.getPageSource().contains("Stap " + step++ + " van 8"));
            for (Item item : section.scoredItems()) {
                choose(item.id(), best(item));
            }
            checkPhoneLayout("05-section-" + section.id());
            clickButton("Opslaan en verder");
        }

        assertTrue(driver.getCurrentUrl().endsWith("/result"), driver.getCurrentUrl());
        String verdict = driver.findElement(By.cssSelector(".verdict h2")).getText();
        assertEquals("Klaar: alle lichten staan op groen", verdict);
        assertEquals(questionnaire.sections().size(),
                driver.findElements(By.cssSelector("table .light--green")).size());
        checkPhoneLayout("06-result");
    }
}
