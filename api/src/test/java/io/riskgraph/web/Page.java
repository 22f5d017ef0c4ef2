package io.riskgraph.web;

import io.riskgraph.api.Role;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * The page as the tests drive it: navigation, sign-in, waiting for a view to be ready, and the network view's
 * own page object ({@code window.rg.network}) through executeScript, since the network is a canvas.
 */
final class Page {
    static final Duration WAIT = Duration.ofSeconds(30);
    final ChromeDriver driver = WebFixture.browser();

    /** Signs in with the role's key through the form (signing out first when someone is signed in). */
    Page signIn(Role role) {
        WebFixture.server();
        return signInWith(WebFixture.KEYS.get(role));
    }

    Page signInWith(String key) {
        WebFixture.server();
        driver.get(WebFixture.base() + "/#/");
        driver.manage().deleteAllCookies();
        driver.navigate().refresh();
        waitFor("document.body.dataset.view === 'signin'");
        WebElement input = driver.findElement(By.name("apiKey"));
        input.sendKeys(key);
        input.submit();
        waitFor("document.body.dataset.view !== 'signin' && document.body.dataset.state === 'ready'");
        return this;
    }

    /** Goes to a deep link such as #/enterprise/X and waits until the view has rendered (or failed). */
    Page open(String hash) {
        String before = (String) js("return location.hash");
        js("document.body.dataset.state = 'navigating'");
        driver.get(WebFixture.base() + "/" + hash);
        if (hash.equals(before)) driver.navigate().refresh();
        waitFor("document.body.dataset.state === 'ready' || document.body.dataset.state === 'error'");
        if ("network".equals(js("return document.body.dataset.view"))) waitNetwork();
        return this;
    }

    void waitNetwork() {
        waitFor("document.body.dataset.state !== 'loading' && (document.body.dataset.state === 'error' || "
                + "(window.rg && window.rg.network && window.rg.network.idle() && document.body.dataset.netState === 'ready'))");
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Runs a promise-returning expression of the page (arguments as args[0]...) and returns what it resolves to. */
    Object await(String expression, Object... args) {
        Object r = driver.executeAsyncScript("const done = arguments[arguments.length - 1]; const args = arguments;"
                + "Promise.resolve().then(() => " + expression + ").then(v => done({ok: v === undefined ? null : v}))"
                + ".catch(e => done({error: String(e && e.message || e)}));", args);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> m = (java.util.Map<String, Object>) r;
        if (m.containsKey("error")) throw new AssertionError("page error: " + m.get("error"));
        return m.get("ok");
    }

    void waitFor(String condition) {
        try {
            new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeScript("try { return !!(" + condition + "); } catch (e) { return false; }")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // what the page said is the clue to a failure seen only on another machine
            Object said = driver.executeScript("return [location.hash, document.body.dataset.state, document.body.dataset.netState, "
                    + "...Array.from(document.querySelectorAll('[aria-live], .error, #net-status')).map(x => x.id + ': ' + x.textContent)].join(' | ')");
            throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + condition + "; the page shows: " + said, e);
        }
    }

    @SuppressWarnings("unchecked")
    List<String> nodeIds() { return (List<String>) js("return rg.network.nodeIds()"); }

    WebElement find(String css) { return driver.findElement(By.cssSelector(css)); }

    List<WebElement> all(String css) { return driver.findElements(By.cssSelector(css)); }

    String text(String css) { return find(css).getText(); }

    @SuppressWarnings("unchecked")
    List<String> cspViolations() { return (List<String>) js("return (window.rg && window.rg.cspViolations) || []"); }

    /** Saves a screenshot under target/screenshots when a test fails. */
    static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "screenshots"));
                Path png = WebFixture.browser().getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(png, dir.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                System.err.println("no screenshot: " + e);
            }
        }
    }
}
