package nl.groenlicht.web;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.Section;
import nl.groenlicht.support.Axe;
import nl.groenlicht.support.Browser;
import nl.groenlicht.support.Database;
import nl.groenlicht.support.Http;
import nl.groenlicht.support.ScanAnswers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.groenlicht.support.Options.best;
import static nl.groenlicht.support.TestAccounts.ADMIN;
import static nl.groenlicht.support.TestAccounts.ADMIN_PASSWORD;
import static nl.groenlicht.support.TestAccounts.newCoach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page, in Dutch and in English, audited by axe-core against WCAG 2.1 A and AA at a 360 px phone and a
 * 1280 px desktop width. The pages are reached the way people reach them: an employer's whole self-assessment, a
 * coach's login, organisation, site, invitation and comparison, the administrator's coach list, a missing page.
 */
@MicronautTest(transactional = false)
class AccessibilityTest {

    private static final String COACH_PASSWORD = "coach-wachtwoord-toegankelijk";
    /** Answered worst in the coach's scan only, so the comparison shows a difference. */
    private static final String DIFFERING_SECTION = "stimuli";

    @Inject
    EmbeddedServer server;
    @Inject
    QuestionnaireCatalog catalog;
    @Inject
    Messages messages;
    @Inject
    JsonMapper json;
    @Inject
    Database database;

    private Axe axe;
    private Browser browser;
    private Language language;
    /** Each page's violations, collected over the whole run so one failure lists everything to fix. */
    private final List<String> violations = new ArrayList<>();
    private int audits;

    @Test
    void everyPageMeetsWcag21AaInDutchAndEnglish() throws IOException {
        axe = Axe.load();
        String coach = newCoach(server.getURI(), COACH_PASSWORD);
        try (Browser started = Browser.start(server.getURI())) {
            browser = started;
            for (Language each : Language.values()) {
                language = each;
                selfAssessment();
                coachWorkspace(coach);
                administration();
                browser.open("/no-such-page");
                audit("not-found");
            }
        }
        // Two journeys, one per language, of 26 pages (7 of them the team pulse's) and one per section.
        int pages = 2 * (catalog.current().sections().size() + 26);
        assertEquals(2 * pages, audits, "page views audited, at two widths each");
        assertTrue(violations.isEmpty(), violations.size() + " of " + audits + " page views fail:\n\n"
                + String.join("\n\n", violations));
    }

    /** The employer's way from the start page to the action plan, with a profile sent back with errors. */
    private void selfAssessment() throws IOException {
        ChromeDriver driver = browser.driver();
        browser.open("/");
        if (language != Language.NL) {
            browser.switchLanguage();
        }
        audit("start");
        browser.clickButton(t("start.button"));
        audit("profile");
        browser.clickButton(t("form.saveAndContinue"));
        assertTrue(driver.getTitle().startsWith(t("form.errorTitlePrefix")), driver.getTitle());
        audit("profile-errors");
        browser.type("organisationName", "Bakkerij De Korenschoof " + language.code());
        browser.choose("sector", "cleaning-facilities");
        browser.choose("clientSites", "yes");
        browser.choose("publicTenders", "yes");
        browser.clickButton(t("form.saveAndContinue"));
        audit("saved");
        browser.clickButton(t("saved.continue"));

        Questionnaire questionnaire = catalog.current();
        for (Section section : questionnaire.sections()) {
            section.scoredItems().forEach(item -> browser.choose(item.id(), best(item)));
            audit("section-" + section.id());
            browser.clickButton(t("form.saveAndContinue"));
        }
        assertTrue(driver.getCurrentUrl().endsWith("/result"), driver.getCurrentUrl());
        String scan = "/scans/" + scanId(driver.getCurrentUrl());
        audit("result");
        browser.open(scan + "/report");
        audit("report");
        browser.open(scan + "/plan");
        audit("plan");
        teamPulse(scan);
    }

    /** The employer opens a team pulse (first without a team name), one colleague answers, four more through HTTP. */
    private void teamPulse(String scan) throws IOException {
        ChromeDriver driver = browser.driver();
        browser.open(scan + "/pulses");
        audit("pulses");
        browser.clickButton(t("pulse.open.button"));
        audit("pulses-errors");
        browser.type("team", "Ochtendploeg " + language.code());
        browser.clickButton(t("pulse.open.button"));
        audit("pulse");
        String link = URI.create(driver.findElement(By.id("pulse-link")).getAttribute("value")).getPath();
        browser.open(link);
        audit("pulse-answer");
        browser.clickButton(t("pulse.answer.send"));
        audit("pulse-answer-errors");
        List<String> statements = driver.findElements(By.cssSelector("fieldset input[value='4']")).stream()
                .map(input -> input.getAttribute("name")).toList();
        statements.forEach(statement -> browser.choose(statement, "4"));
        browser.clickButton(t("pulse.answer.send"));
        audit("pulse-done");
        for (int i = 0; i < 4; i++) {
            Http colleague = new Http(server.getURI());
            String csrf = Http.csrfOf(colleague.get(link).body());
            java.util.Map<String, List<String>> form = new java.util.HashMap<>();
            form.put("_csrf", List.of(csrf));
            statements.forEach(statement -> form.put(statement, List.of("2")));
            assertEquals(303, colleague.postForm(link, form).statusCode());
        }
        browser.open(scan + "/result");
        assertTrue(driver.findElements(By.cssSelector(".pulse-table")).size() == 1, "the pulse shows from 5 answers");
        audit("result-with-pulse");
    }

    /**
     * A coach logs in (first with a wrong password), adds an organisation and a client's site, invites the employer,
     * makes a site-visit scan, and compares the two. The answers go in through the API: their pages are audited above.
     */
    private void coachWorkspace(String coach) throws IOException {
        ChromeDriver driver = browser.driver();
        browser.open("/login");
        audit("login");
        browser.type("email", coach);
        browser.type("password", "not-the-password");
        browser.clickButton(t("login.submit"));
        audit("login-error");
        driver.findElement(By.id("password")).sendKeys(COACH_PASSWORD);
        browser.clickButton(t("login.submit"));
        audit("coach");
        browser.clickButton(t("coach.addOrganisation"));
        assertTrue(driver.getTitle().startsWith(t("form.errorTitlePrefix")), "an organisation needs a name");
        audit("coach-errors");

        String site = "Kantoor Stadhuis " + language.code();
        browser.type("name", "Schoonmaakbedrijf Het Anker " + language.code());
        browser.clickButton(t("coach.addOrganisation"));
        browser.type("name", site);
        browser.choose("kind", "CLIENT_SITE");
        browser.clickButton(t("site.add"));
        audit("organisation");

        browser.toNextPage(driver.findElement(By.linkText(site))::click);
        String sitePage = driver.getCurrentUrl();
        browser.clickButton(t("site.invite"));
        audit("invitation");
        String link = driver.findElement(By.id("invitation-link")).getAttribute("value");
        browser.open(sitePage);
        browser.clickButton(t("site.startScan"));
        long visit = scanId(driver.getCurrentUrl());
        ScanAnswers.answerAll(server.getURI(), json, catalog.current(), visit, ScanAnswers.newToken(database, visit),
                DIFFERING_SECTION);
        answerInvitation(link);

        browser.open(sitePage);
        audit("site");
        browser.open(sitePage + "/compare");
        assertTrue(driver.findElements(By.cssSelector(".comparison__differs")).size() == 1, "one section differs");
        audit("compare");
        browser.open("/scans/" + visit + "/report");
        audit("report-with-comparison");
        logOut();
    }

    /** The employer answers through the private link, as if on their own computer. */
    private void answerInvitation(String link) throws IOException {
        String token = link.substring(link.lastIndexOf('/') + 1);
        String scanPath = Http.location(new Http(server.getURI()).get(URI.create(link).getPath()));
        ScanAnswers.answerAll(server.getURI(), json, catalog.current(), scanId(scanPath), token);
    }

    private void administration() throws IOException {
        browser.open("/login");
        audit("logged-out");
        browser.type("email", ADMIN);
        browser.type("password", ADMIN_PASSWORD);
        browser.clickButton(t("login.submit"));
        browser.open("/admin/coaches");
        audit("admin-coaches");
        logOut();
    }

    private void logOut() {
        browser.open("/coach");
        browser.clickButton(t("coach.logout"));
    }

    private static long scanId(String url) {
        Matcher id = Pattern.compile("/scans/(\\d+)").matcher(url);
        assertTrue(id.find(), url);
        return Long.parseLong(id.group(1));
    }

    private String t(String key) {
        return messages.get(language, key);
    }

    /** Checks the page's layout, language and title at 360 px, then audits it at 360 and 1280 px. */
    private void audit(String page) throws IOException {
        String name = "a11y-" + language.code() + "-" + page;
        try {
            browser.checkPhoneLayout(name);
        } catch (AssertionError e) {
            // Reported with the audit's findings, so that one run lists everything there is to fix.
            record(name + " layout", List.of(e.getMessage()));
        }
        record(name + " at 360 px", axe.violations(browser.driver()));
        audits++;
        browser.desktop();
        try {
            record(name + " at 1280 px", axe.violations(browser.driver()));
            audits++;
            browser.screenshot(name + "-1280");
        } finally {
            browser.phone();
        }
    }

    private void record(String page, List<String> found) {
        if (!found.isEmpty()) {
            violations.add(page + " (" + browser.driver().getCurrentUrl() + "):\n  " + String.join("\n  ", found));
        }
    }
}
