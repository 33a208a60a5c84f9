package nl.groenlicht.support;

import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Section;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium at a true 360 px phone viewport, with a throw-away profile and download folder.
 * Screenshots of the pages a test checks land in target/screenshots for a person to look at.
 */
public final class Browser implements AutoCloseable {

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final long PHONE_WIDTH = 360;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final URI base;
    private final Path home;
    private final Path downloads;
    private final ChromeDriver driver;

    private Browser(URI base, Path home) {
        this.base = base;
        this.home = home;
        this.downloads = home.resolve("downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + home.resolve("profile"));
        // Headless Chromium honours these: a download lands in the throw-away folder without asking where.
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(), options);
        phone();
    }

    /** A 360 px phone, the viewport every check starts from. */
    public void phone() {
        viewport(PHONE_WIDTH, 800, true);
    }

    /** A 1280 px desktop window: the page lays itself out again without reloading. */
    public void desktop() {
        viewport(1280, 900, false);
    }

    // Headless Chromium keeps windows at least 500 px wide; device emulation gives the real width.
    private void viewport(long width, long height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Starts the browser against the app at {@code base}; skips the test where Chromium is not installed. */
    public static Browser start(URI base) throws IOException {
        assumeTrue(CHROMEDRIVER.canExecute() && new File(CHROMIUM).canExecute(),
                "Debian chromium and chromium-driver are not installed (.ci/run installs them)");
        Files.createDirectories(SCREENSHOTS);
        Path home = Files.createTempDirectory("chromium");
        Files.createDirectory(home.resolve("downloads"));
        try {
            return new Browser(base, home);
        } catch (RuntimeException e) {
            delete(home);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            delete(home);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    /** The address of each title seen so far: two different pages never share a title. */
    private final Map<String, String> titles = new HashMap<>();
    /** The language the person chose with the language link; Dutch until they do. */
    private String language = "nl";

    /** Follows the header's language link, as a person would, to the other language; the site remembers it. */
    public void switchLanguage() {
        WebElement link = driver.findElement(By.cssSelector(".site-header__language a[hreflang]"));
        String chosen = link.getAttribute("hreflang");
        toNextPage(link::click);
        language = chosen;
    }

    public String language() {
        return language;
    }

    /** Checks the page fits a 360 px phone and keeps a screenshot of it. */
    public void checkPhoneLayout(String name) throws IOException {
        assertEquals(PHONE_WIDTH, driver.executeScript("return window.innerWidth"), "viewport on " + name);
        long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        assertTrue(scrollWidth <= PHONE_WIDTH, name + " scrolls sideways: " + scrollWidth + " px");
        assertEquals(1, driver.findElements(By.tagName("h1")).size(), "one heading on " + name);
        assertEquals(language, driver.executeScript("return document.documentElement.lang"), "page language on " + name);
        String title = driver.getTitle();
        String path = URI.create(driver.getCurrentUrl()).getPath();
        String earlier = titles.putIfAbsent(title, path);
        assertTrue(earlier == null || earlier.equals(path), "'" + title + "' is the title of " + earlier + " and " + path);
        screenshot(name);
    }

    /** Keeps what the browser shows in target/screenshots/name.png. */
    public void screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    public void type(String fieldId, String text) {
        driver.findElement(By.id(fieldId)).sendKeys(text);
    }

    /** Picks a radio button or checkbox by its label, as a person would tap it. */
    public void choose(String itemId, String value) {
        WebElement input = driver.findElement(By.cssSelector("input[name='" + itemId + "'][value='" + value + "']"));
        driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
        assertTrue(input.isSelected(), itemId + " = " + value);
    }

    /**
     * Clicks a button that leads to another page and waits until that page has loaded. The button is found by its
     * accessible name, which is its visible text plus any text only a screen reader announces.
     */
    public void clickButton(String name) {
        List<WebElement> buttons = driver.findElements(By.cssSelector("button, a.button"));
        WebElement button = buttons.stream().filter(b -> b.getAccessibleName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + name + "' on " + driver.getCurrentUrl()
                        + " among " + buttons.stream().map(b -> "'" + b.getAccessibleName() + "'").toList()));
        toNextPage(button::click);
    }

    /** Does what leads to another page (a click, a key press) and waits until that page has loaded. */
    public void toNextPage(Runnable action) {
        // A mark on the old page's window: the next page's window lacks it. (Waiting for the old <html> to go stale
        // raced with Chromium, which sometimes answered "node does not belong to the document".)
        driver.executeScript("window.groenlichtOldPage = true");
        action.run();
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return window.groenlichtOldPage === undefined && document.readyState === 'complete'")));
    }

    /**
     * Answers the sections, all of which apply, one page each: from the first section's page to the result page.
     * Checks each page's step counter (the profile is step 1) and phone layout; screenshots are named prefix + id.
     */
    public void answerSections(List<Section> sections, BiFunction<Section, Item, String> answer, String prefix)
            throws IOException {
        int step = 2;
        for (Section section : sections) {
            assertTrue(driver.getCurrentUrl().endsWith("/sections/" + section.id()), driver.getCurrentUrl());
            assertTrue(driver.getPageSource().contains("Stap " + step++ + " van " + (sections.size() + 1)));
            for (Item item : section.scoredItems()) {
                choose(item.id(), answer.apply(section, item));
            }
            checkPhoneLayout(prefix + section.id());
            clickButton("Opslaan en verder");
        }
        assertTrue(driver.getCurrentUrl().endsWith("/result"), driver.getCurrentUrl());
    }

    /** Clicks a download link and returns the file once Chromium has finished writing it. */
    public Path download(String linkText) {
        driver.findElement(By.linkText(linkText)).click();
        return new WebDriverWait(driver, WAIT).withMessage("a finished download in " + downloads)
                .until(d -> finishedDownload());
    }

    /**
     * The downloaded file, or null while there is none or Chromium is still writing: into a hidden
     * ".org.chromium.Chromium.*" file first, then a ".crdownload" one, then renamed to its own name.
     */
    private Path finishedDownload() {
        try (Stream<Path> files = Files.list(downloads)) {
            List<Path> all = files.toList();
            boolean busy = all.stream().map(f -> f.getFileName().toString())
                    .anyMatch(name -> name.startsWith(".") || name.endsWith(".crdownload"));
            return busy || all.size() != 1 ? null : all.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
