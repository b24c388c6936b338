package org.civicloop.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for {@link Browser} (see shared/TOOLCHAIN.md for the flags that work here), kept for the
 * next browser test instead of ended: starting Chromium and its driver took seconds, some 45 times a run. A browser
 * given back is cleared as a new one would be (one window on a blank page, no cookies, no data stored by the site,
 * the window size it started with, no script added to every page) or ended when that cannot be made sure of. All are
 * ended when the JVM exits.
 */
final class Chromium {

    /** A started browser nobody uses now, with the size it was started at and the viewport it had then. */
    record Idle(WebDriver driver, Dimension size, Dimension freshViewport) {
    }

    private static final List<Idle> IDLE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(idle -> quitQuietly(idle.driver()));
                IDLE.clear();
            }
        }, "chromium-quit"));
    }

    private Chromium() {
    }

    /** An idle browser started at this window size, or a new one. */
    static Idle take(Dimension size) throws IOException {
        synchronized (IDLE) {
            for (Iterator<Idle> it = IDLE.iterator(); it.hasNext(); ) {
                Idle idle = it.next();
                if (idle.size().equals(size)) {
                    it.remove();
                    return idle;
                }
            }
        }
        WebDriver driver = start(size);
        return new Idle(driver, size, viewport(driver));
    }

    /**
     * Has Chromium run this script in every document it loads from now on, before the page's own scripts; answers its
     * id for {@link #giveBack}, or null (and nothing is added) when Chromium refused it.
     */
    static String addScriptToEveryPage(Idle browser, String source) {
        try {
            Object id = ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", source)).get("identifier");
            return id == null ? null : id.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Takes the browser back for the next test after clearing what the site at {@code base} left and removing the
     * script added to every page ({@code everyPage}, when not null), or ends it.
     */
    static void giveBack(Idle browser, String base, String everyPage) {
        if (removed(browser, everyPage) && cleared(browser, base)) {
            synchronized (IDLE) {
                IDLE.add(browser);
            }
        } else {
            quitQuietly(browser.driver());
        }
    }

    /** The size of the page area (not the window around it). */
    static Dimension viewport(WebDriver driver) {
        Object size = ((JavascriptExecutor) driver).executeScript("return [window.innerWidth, window.innerHeight];");
        List<?> wh = (List<?>) size;
        return new Dimension(((Number) wh.get(0)).intValue(), ((Number) wh.get(1)).intValue());
    }

    private static WebDriver start(Dimension size) throws IOException {
        Path home = Files.createDirectories(Path.of("target", "chrome-home"));
        Path profile = Files.createTempDirectory(home, "profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chrome.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=en-GB", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .withEnvironment(Map.of("HOME", home.toAbsolutePath().toString(),
                        "XDG_CONFIG_HOME", home.resolve("config").toAbsolutePath().toString(),
                        "XDG_CACHE_HOME", home.resolve("cache").toAbsolutePath().toString()))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static boolean removed(Idle browser, String everyPage) {
        if (everyPage == null) {
            return true;
        }
        try {
            ((ChromeDriver) browser.driver()).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", everyPage));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean cleared(Idle browser, String base) {
        try {
            ChromeDriver driver = (ChromeDriver) browser.driver();
            if (driver.getWindowHandles().size() != 1) {
                return false;
            }
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin(base), "storageTypes",
                    "local_storage,session_storage,indexeddb,websql,service_workers,cache_storage"));
            driver.get("about:blank");
            driver.manage().window().setSize(browser.size());
            return viewport(driver).equals(browser.freshViewport());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    private static void quitQuietly(WebDriver driver) {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
