package nl.groenlicht.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person who uses only the keyboard: keys go to whatever has focus, as real key presses. Every element the Tab
 * or arrow keys move to must show where the focus is.
 */
public final class Keyboard {

    /** Tab stops before giving up on finding an element: more than any page here has. */
    private static final int MAX_TABS = 150;

    /**
     * The element's look focused and unfocused, for the element itself and for its labels, each with their ::before
     * and ::after (a radio button's ring is drawn by its label's ::before). Focus is moved away and back only to
     * measure; the page has no script that would notice.
     */
    private static final String FOCUS_LOOK = """
            const el = arguments[0];
            // A part drawn fully transparent (a radio button's own input) shows nothing, whatever its outline.
            const shown = [el, ...(el.labels || [])].filter(part => getComputedStyle(part).opacity !== '0');
            const look = () => shown.flatMap(part => [null, '::before', '::after'].map(pseudo => {
              const s = getComputedStyle(part, pseudo);
              return {outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor,
                      outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor,
                      shadow: s.boxShadow, background: s.backgroundColor,
                      border: s.borderTopWidth + ' ' + s.borderTopColor + ' ' + s.borderBottomWidth + ' ' + s.borderBottomColor};
            }));
            const focused = look();
            el.blur();
            const unfocused = look();
            el.focus();
            const transparent = c => c === 'transparent' || /rgba\\(.*, 0\\)$/.test(c);
            // Something that draws changes with focus: a visible outline, a shadow, a background or a border.
            const changed = focused.some((f, i) => {
              const u = unfocused[i];
              return (f.outline !== u.outline && f.outlineStyle !== 'none' && f.outlineWidth > 0 && !transparent(f.outlineColor))
                  || (f.shadow !== u.shadow && f.shadow !== 'none')
                  || f.background !== u.background || f.border !== u.border;
            });
            // An outline, even a transparent one, is what Windows high contrast mode shows.
            const outline = focused.some(f => f.outlineStyle !== 'none' && f.outlineWidth > 0);
            return {visible: changed && outline, focused: JSON.stringify(focused[0]) + ' ' + JSON.stringify(focused[3] || {}),
                    unfocused: JSON.stringify(unfocused[0]) + ' ' + JSON.stringify(unfocused[3] || {})};
            """;

    private final Browser browser;
    private final ChromeDriver driver;

    public Keyboard(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses a key and checks that what has the focus then shows it. */
    public void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
        checkFocusVisible();
    }

    /** Presses a key that leads to another page, and waits for it. */
    public void pressToNextPage(CharSequence key) {
        browser.toNextPage(() -> new Actions(driver).sendKeys(key).perform());
    }

    /** Presses Tab until the focused element is the one wanted; fails if the page has no such tab stop. */
    public WebElement tabTo(String what, Predicate<WebElement> wanted) {
        for (int i = 0; i < MAX_TABS; i++) {
            press(Keys.TAB);
            if (wanted.test(focused())) {
                return focused();
            }
        }
        throw new AssertionError("no tab stop for " + what + " on " + driver.getCurrentUrl());
    }

    /** Tabs to a button or button-like link by its accessible name and presses Enter on it. */
    public void activate(String buttonName) {
        tabTo("'" + buttonName + "'", e -> e.getAccessibleName().equals(buttonName)
                && (e.getTagName().equals("button") || String.valueOf(e.getAttribute("class")).contains("button")));
        pressToNextPage(Keys.ENTER);
    }

    public void typeInto(String fieldId, String text) {
        tabTo("#" + fieldId, e -> fieldId.equals(e.getAttribute("id")));
        focused().sendKeys(text);
    }

    /**
     * Tabs into a group of radio buttons and picks a value with the arrow keys, which move and select; Space
     * selects the first one, which the arrow keys would only reach by going round.
     */
    public void choose(String name, String value) {
        tabTo("the '" + name + "' radio buttons", e -> name.equals(e.getAttribute("name")));
        int options = driver.findElements(By.name(name)).size();
        for (int i = 0; i < options && !value.equals(focused().getAttribute("value")); i++) {
            press(Keys.ARROW_DOWN);
        }
        assertEquals(value, focused().getAttribute("value"), name);
        if (!focused().isSelected()) {
            press(Keys.SPACE);
        }
        assertTrue(focused().isSelected(), name + " = " + value);
    }

    /** Checks that the focused element looks different from itself unfocused, with an outline for high contrast. */
    @SuppressWarnings("unchecked")
    public void checkFocusVisible() {
        WebElement element = focused();
        Map<String, Object> look = (Map<String, Object>) driver.executeScript(FOCUS_LOOK, element);
        assertTrue(Boolean.TRUE.equals(look.get("visible")), "no visible focus on " + element.getAttribute("outerHTML")
                + " at " + driver.getCurrentUrl() + "\n focused:   " + look.get("focused")
                + "\n unfocused: " + look.get("unfocused"));
    }
}
