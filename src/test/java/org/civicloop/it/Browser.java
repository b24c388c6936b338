package org.civicloop.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A browser test's view of the application, in headless Chromium ({@link Chromium}), with every page checked by axe. */
public final class Browser implements AutoCloseable {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1366, 768);
    public static final Dimension PROJECTOR = new Dimension(1920, 1080);

    private static final Path AXE = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");
    /** The WCAG 2.2 A and AA rules (and best practice is left out: only the standard is judged). */
    private static final String AXE_RUN = "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
            + " 'wcag22aa']}, resultTypes: ['violations']}).then(function (r) {"
            + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
            + "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' — '"
            + "      + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', '); }));"
            + "}).catch(function (e) { done(['axe failed: ' + e]); });";

    /** What MyFaces shows in place of a message whose key is missing from the bundles. */
    private static final java.util.regex.Pattern MISSING_KEY = java.util.regex.Pattern.compile("\\?\\?\\?[^?<>\"\\s]+\\?\\?\\?");
    /** The three sizes every important journey step is photographed at, by the name used in the file name. */
    private static final Map<String, Dimension> SIZES = new java.util.LinkedHashMap<>(Map.of());

    static {
        SIZES.put("phone", PHONE);
        SIZES.put("desktop", DESKTOP);
        SIZES.put("projector", PROJECTOR);
    }

    private final Chromium.Idle chromium;
    private final WebDriver driver;
    private final String base;
    private final java.util.List<String> accessibilityProblems = new java.util.ArrayList<>();
    private final java.util.Set<String> checkedPages = new java.util.HashSet<>();

    /** Chromium's id of axe-core as a script of every new document (null when it could not be given). */
    private final String axeOnEveryPage;

    public Browser(String baseUrl, Dimension size) throws IOException {
        this(baseUrl, size, true);
    }

    /**
     * A browser whose pages get axe-core only when they are judged ({@code axeOnEveryPage} false): for a test that
     * loads many pages through {@link #driver()} without judging them (PhoneWidthIT), where running axe-core's script
     * in every page would cost more than handing it to the few judged ones.
     */
    public Browser(String baseUrl, Dimension size, boolean axeOnEveryPage) throws IOException {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String axe = axeSource();
        this.chromium = Chromium.take(size);
        this.driver = chromium.driver();
        this.axeOnEveryPage = axeOnEveryPage ? Chromium.addScriptToEveryPage(chromium, axe) : null;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
        checkAccessibility();
    }

    /**
     * Runs axe-core on the page now shown (each distinct page once) and keeps its serious and critical WCAG 2.2 AA
     * violations, and any text a missing bundle key left on the page (MyFaces shows ???key???); {@link #close()}
     * fails the test if there were any. Pages are checked as they are reached, so every page a journey visits is
     * judged.
     */
    public void checkAccessibility() {
        String url = driver.getCurrentUrl();
        String page = url.replaceFirst("#.*$", "") + "|" + driver.manage().window().getSize();
        if (!checkedPages.add(page)) {
            return;
        }
        java.util.regex.Matcher missing = MISSING_KEY.matcher(driver.getPageSource());
        while (missing.find()) {
            accessibilityProblems.add(url + " missing translation: " + missing.group());
        }
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        // axe-core is on every page this browser loads (given to Chromium once, when the browser was taken: handing
        // its 650 KB of script to each page took longer than the check itself). A page without it (of a browser made
        // without it) is given it now.
        if (!Boolean.TRUE.equals(js.executeScript("return !!(window.axe && typeof window.axe.run === 'function');"))) {
            js.executeScript(axeSource());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object found = js.executeAsyncScript(AXE_RUN);
        if (found instanceof java.util.List<?> list) {
            list.forEach(v -> accessibilityProblems.add(url + " " + v));
        }
    }

    /** axe-core's script, read once for the test JVM. */
    private static String axeSource() {
        synchronized (Browser.class) {
            if (axeSource == null) {
                try {
                    axeSource = Files.readString(AXE);
                } catch (IOException e) {
                    throw new IllegalStateException("axe-core is missing (mvn pre-integration-test installs it): "
                            + AXE, e);
                }
            }
            return axeSource;
        }
    }

    private static String axeSource;

    public java.util.List<String> accessibilityProblems() {
        return java.util.List.copyOf(accessibilityProblems);
    }

    public WebElement find(String css) {
        return waiting(Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        WebElement e = d.findElement(By.cssSelector(css));
                        return e.isDisplayed() ? e : null;
                    } catch (org.openqa.selenium.NoSuchElementException x) {
                        return null;
                    } catch (org.openqa.selenium.WebDriverException x) {
                        if (replaced(x)) {
                            return null;
                        }
                        throw x;
                    }
                });
    }

    /**
     * True when the element went away under us: a script or a partial update replaced it between finding it and
     * using it. Chromium reports that as "stale" or, while a node is being swapped, as "does not belong to the
     * document".
     */
    private static boolean replaced(org.openqa.selenium.WebDriverException x) {
        if (x instanceof org.openqa.selenium.StaleElementReferenceException) {
            return true;
        }
        String m = String.valueOf(x.getMessage());
        return m.contains("does not belong to the document") || m.contains("stale element")
                || m.contains("is not attached to the page document");
    }

    /**
     * Waits (at most 15 s) for a condition on a page that updates itself (live pushes, partial updates), treating an
     * element replaced while it was read as "not yet".
     */
    public <T> T await(java.util.function.Function<? super WebDriver, T> condition) {
        return waiting(Duration.ofSeconds(15)).until(d -> {
            try {
                return condition.apply(d);
            } catch (org.openqa.selenium.WebDriverException x) {
                if (x instanceof org.openqa.selenium.TimeoutException || !replaced(x)) {
                    throw x;
                }
                return null;
            }
        });
    }

    /**
     * A wait for a condition on this browser, looked at every 50 ms: Selenium's default of every 500 ms made each
     * click that replaced the page, and each element that a partial update had not yet drawn, cost up to half a
     * second of doing nothing (each look is one call to the driver, a few milliseconds).
     */
    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout, POLL);
    }

    private static final Duration POLL = Duration.ofMillis(50);

    /** True once the element has left the document (Chromium may say so either way; see {@link #replaced}). */
    private static boolean gone(WebElement e) {
        try {
            e.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException x) {
            if (replaced(x)) {
                return true;
            }
            throw x;
        }
    }

    /** Runs an action on the element found by css, finding it again (a few times) when the page replaced it. */
    private <T> T onElement(String css, java.util.function.Function<WebElement, T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.apply(find(css));
            } catch (org.openqa.selenium.WebDriverException x) {
                if (attempt == 5 || !replaced(x)) {
                    throw x;
                }
            }
        }
    }

    public void type(String css, String text) {
        onElement(css, e -> {
            e.clear();
            e.sendKeys(text);
            return null;
        });
    }

    /**
     * Waits (at most 30 s) until this element has left the document, e.g. after a key press submitted its form.
     * Selenium's own {@code stalenessOf} fails instead when Chromium answers "does not belong to the document" while
     * the next page replaces this one.
     */
    public void waitUntilGone(WebElement e) {
        waiting(Duration.ofSeconds(30)).until(d -> gone(e));
    }

    /** Clicks and waits for the next page to replace this one. */
    public void clickAndWait(String css) {
        WebElement clicked = onElement(css, e -> {
            e.click();
            return e;
        });
        waitUntilGone(clicked);
        checkAccessibility();
    }

    /** Chooses the option with this value in a select element. */
    public void select(String css, String value) {
        onElement(css, e -> {
            new org.openqa.selenium.support.ui.Select(e).selectByValue(value);
            return null;
        });
    }

    public void setValue(String css, String value) {
        onElement(css, e -> ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1];", e, value));
    }

    public String text(String css) {
        return onElement(css, WebElement::getText);
    }

    public String pageText() {
        return onElement("body", WebElement::getText);
    }

    /** Saves a screenshot under target/screenshots for people to review. */
    public void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Saves this page at the phone, desktop and projector sizes (name-phone.png, name-desktop.png,
     * name-projector.png), checking it at each size, then goes back to the size the browser had.
     */
    public void screenshots(String name) throws IOException {
        screenshots(name, null);
    }

    /**
     * Saves this page at every size in English (name-SIZE.png), then switches the page to Spanish with the header's
     * language link and saves it again (name-es-SIZE.png), and switches back to English: the guides show both.
     * Signed in, the switch keeps the language on the account, as a person's own switch does.
     */
    public void screenshotsInBothLanguages(String name, String css) throws IOException {
        screenshots(name, css);
        clickAndWait("#langForm a[lang='es']");
        screenshots(name + "-es", css);
        clickAndWait("#langForm a[lang='en']");
    }

    /** The same, with the page scrolled so that the element found by css (the step's subject) is at the top. */
    public void screenshots(String name, String css) throws IOException {
        Dimension original = viewport();
        for (Map.Entry<String, Dimension> size : SIZES.entrySet()) {
            resizeViewport(size.getValue());
            checkAccessibility();
            if (css != null) {
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", css);
            }
            screenshot(name + "-" + size.getKey());
            noteOverflow(name + "-" + size.getKey());
        }
        resizeViewport(original);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
    }

    /**
     * Notes in target/screenshots/overflow.txt what sticks out sideways beyond the screen at this size (outside the
     * tables that scroll on purpose), for people reviewing the screenshots.
     */
    private void noteOverflow(String shot) throws IOException {
        Object wide = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const w = document.documentElement.clientWidth; const out = [];"
                + " document.querySelectorAll('body *').forEach(e => { const r = e.getBoundingClientRect();"
                + " if (r.width > 0 && r.right > w + 1 && !e.closest('.table-scroll, .table-wrap, .sr-only'))"
                + " out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal"
                + " === undefined ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')"
                + " + ' ' + Math.round(r.right)); }); return out.slice(0, 8).join(', ');");
        if (wide != null && !wide.toString().isEmpty()) {
            Files.writeString(Path.of("target", "screenshots", "overflow.txt"), shot + ": " + wide + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private Dimension viewport() {
        return Chromium.viewport(driver);
    }

    /** The page area's size now. */
    public Dimension size() {
        return viewport();
    }

    /** Makes the page area (not the window around it) this size. */
    public void resize(Dimension wanted) {
        resizeViewport(wanted);
    }

    /**
     * Sets the window to the wanted size, then corrects it by the window's frame (the difference between what the page
     * got and what was wanted). On a loaded machine the page's size was once read before the window had taken its
     * new size, and the correction came out negative (AccessibilityIT, "'width' out of range"): such a reading is
     * taken again.
     */
    private void resizeViewport(Dimension wanted) {
        if (viewport().equals(wanted)) {
            return; // already that size: setting the window again costs Chromium a layout
        }
        for (int attempt = 1; ; attempt++) {
            driver.manage().window().setSize(wanted);
            Dimension got = viewport();
            if (got.equals(wanted)) {
                return;
            }
            int width = 2 * wanted.getWidth() - got.getWidth();
            int height = 2 * wanted.getHeight() - got.getHeight();
            if (width > 0 && height > 0 || attempt == 3) {
                driver.manage().window().setSize(new Dimension(Math.max(width, 1), Math.max(height, 1)));
                return;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Signs in on the sign-in page and waits for the signed-in page. */
    public void signIn(String username, String password) {
        open("/login.xhtml");
        type("#login\\:username", username);
        type("#login\\:password", password);
        clickAndWait("#login\\:submit");
        find("#logoutForm");
    }

    /**
     * Gives the browser back for the next test; fails when a page it showed had serious or critical accessibility
     * violations.
     */
    @Override
    public void close() {
        Chromium.giveBack(chromium, base, axeOnEveryPage);
        if (!accessibilityProblems.isEmpty()) {
            throw new AssertionError("axe-core found serious or critical WCAG 2.2 AA violations (or a page showed a"
                    + " missing translation):\n  "
                    + String.join("\n  ", accessibilityProblems));
        }
    }
}
