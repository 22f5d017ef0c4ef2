package io.riskgraph.web;

import io.riskgraph.api.ApiServer;
import io.riskgraph.api.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every page shares: data rendered as text only (XSS), a strict CSP with no violation on any view, the
 * security headers on every response, Chinese by default with an English toggle, keyboard reach, 1280x800.
 */
@ExtendWith(Page.ScreenshotOnFailure.class)
class SecurityPageTest {

    @Test
    void aFirmNamedLikeMarkupShowsExactlyThatAndRunsNothing() {
        Page page = new Page().signIn(Role.INVESTIGATOR);
        String uscc = WebFixture.xssUscc;
        page.open("#/search");
        page.find("#search-q").sendKeys(uscc);
        page.waitFor("document.getElementById('search-out').dataset.state === 'ready' && document.getElementById('search-out').dataset.q === '" + uscc + "'");
        assertThat(page.find("#search-results li a").getText()).isEqualTo(WebFixture.XSS_NAME);
        page.open("#/enterprise/" + uscc);
        assertThat(page.text("#profile-name")).isEqualTo(WebFixture.XSS_NAME);
        assertThat(page.find("#profile-people tbody").getText()).contains(WebFixture.XSS_PERSON);
        page.open("#/network/" + uscc);
        assertThat(page.js("return rg.network.data(arguments[0]).name", "Enterprise:" + uscc)).isEqualTo(WebFixture.XSS_NAME);
        page.js("rg.network.select(arguments[0])", "Enterprise:" + uscc);
        assertThat(page.text("#sel-name")).isEqualTo(WebFixture.XSS_NAME);
        // nothing ran: no alert, no injected element, no flag
        assertThatThrownBy(() -> page.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(page.driver.findElements(By.cssSelector("img[src='x'], script:not([src])"))).isEmpty();
        assertThat(page.js("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(page.cspViolations()).isEmpty();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        WebFixture.server();
        List<String> paths = List.of("/", "/js/app.js", "/css/app.css", "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js",
                "/enterprises/" + WebFixture.xssUscc, "/health", "/verify/JC1.x", "/no-such-page");
        for (String p : paths) {
            HttpResponse<String> r = Http.get(p);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(p).hasValue(ApiServer.CONTENT_SECURITY_POLICY);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(p).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(p).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(p).hasValue("no-referrer");
        }
        assertThat(ApiServer.CONTENT_SECURITY_POLICY).contains("script-src 'self'").contains("style-src 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("http");
        // the page has no inline script or style for the policy to allow
        String index = Http.get("/").body();
        assertThat(index).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=").doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void chineseByDefaultWithAnEnglishToggle() {
        Page page = new Page().signIn(Role.CONSUMER).open("#/clues");
        page.js("localStorage.removeItem('rg-lang')");
        page.driver.navigate().refresh();
        page.waitFor("document.body.dataset.state === 'ready'");
        assertThat(page.text("#nav a[href='#/search']")).isEqualTo("搜索");
        assertThat(page.text("h1")).isEqualTo("线索");
        assertThat(page.js("return document.documentElement.lang")).isEqualTo("zh-CN");
        page.find("#lang").click();
        page.waitFor("document.body.dataset.state === 'ready' && document.documentElement.lang === 'en'");
        assertThat(page.text("#nav a[href='#/search']")).isEqualTo("Search");
        assertThat(page.text("h1")).isEqualTo("Clues");
        page.find("#lang").click();
        page.waitFor("document.documentElement.lang === 'zh-CN'");
    }

    @Test
    void everyViewFitsTheScreenAndIsReachableByKeyboard() {
        Page page = new Page().signIn(Role.INVESTIGATOR);
        String firm = WebFixture.hubFirms.getFirst();
        List<String> views = List.of("#/search", "#/enterprise/" + firm, "#/network/" + firm, "#/clues", "#/dashboard", "#/investigations");
        List<String> violations = new ArrayList<>();
        for (String v : views) {
            page.open(v);
            assertThat((Long) page.js("return window.innerWidth")).isEqualTo(1280L);
            assertThat((Long) page.js("return window.innerHeight")).isEqualTo(800L);
            assertThat((Long) page.js("return document.documentElement.scrollWidth")).as(v + " has no sideways scroll").isLessThanOrEqualTo(1280L);
            violations.addAll(page.cspViolations());
        }
        assertThat(violations).isEmpty();
        // from the top of the page, Tab reaches the navigation and the search box
        page.open("#/clues");
        page.driver.navigate().refresh();
        page.waitFor("document.body.dataset.state === 'ready'");
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            new Actions(page.driver).sendKeys(Keys.TAB).perform();
            reached.add((String) page.js("const a = document.activeElement; return a.id || a.getAttribute('href') || a.tagName"));
        }
        assertThat(reached).contains("skip-link", "#/search", "#/clues", "#/dashboard", "quick-q", "lang", "sign-out");
        // in the network view the node list and the actions work from the keyboard
        page.open("#/network/" + firm);
        int before = ((List<?>) page.js("return rg.network.nodeIds()")).size();
        WebElement list = page.find("#node-list");
        page.js("arguments[0].focus(); arguments[0].selectedIndex = arguments[0].options.length - 1; arguments[0].dispatchEvent(new Event('change'))", list);
        list.sendKeys(Keys.ENTER);
        page.waitFor("rg.network.idle()");
        page.waitNetwork();
        assertThat(((List<?>) page.js("return rg.network.nodeIds()")).size()).isGreaterThanOrEqualTo(before);
        assertThat(page.js("return document.activeElement.id")).isEqualTo("node-list");
    }
}
