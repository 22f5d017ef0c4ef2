package io.riskgraph.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskgraph.api.Role;
import io.riskgraph.api.WebSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in with a key for a session cookie, sign-out, expiry, CSRF, deep links and what each role is shown. */
@ExtendWith(Page.ScreenshotOnFailure.class)
class SignInPageTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static HttpResponse<String> signIn(String key) {
        return Http.send(Http.request("/session"), "POST", "{\"apiKey\": \"" + key + "\"}");
    }

    static String cookie(HttpResponse<String> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    @Test
    void theKeyIsExchangedForAnHttpOnlyStrictSessionCookie() throws Exception {
        WebFixture.server();
        HttpResponse<String> r = signIn(WebFixture.KEYS.get(Role.ANALYST));
        assertThat(r.statusCode()).isEqualTo(200);
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).startsWith(WebSessions.COOKIE + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("role").asText()).isEqualTo("analyst");
        assertThat(r.body()).doesNotContain(WebFixture.KEYS.get(Role.ANALYST));
        String csrf = body.get("csrfToken").asText();
        // the cookie authenticates reads ...
        HttpResponse<String> who = Http.send(Http.request("/session").header("Cookie", cookie(r)), "GET", null);
        assertThat(JSON.readTree(who.body()).get("name").asText()).isEqualTo("web-analyst");
        // ... but a change needs the CSRF token, and a same-origin request
        HttpResponse<String> noToken = Http.send(Http.request("/session").header("Cookie", cookie(r)), "DELETE", null);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF_TOKEN");
        HttpResponse<String> foreign = Http.send(Http.request("/session").header("Cookie", cookie(r)).header("X-CSRF-Token", csrf)
                .header("Origin", "http://evil.example"), "DELETE", null);
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> out = Http.send(Http.request("/session").header("Cookie", cookie(r)).header("X-CSRF-Token", csrf), "DELETE", null);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(Http.send(Http.request("/session").header("Cookie", cookie(r)), "GET", null).statusCode()).isEqualTo(401);
    }

    @Test
    void signInRefusesWrongKeysFormsAndOtherOrigins() {
        WebFixture.server();
        assertThat(signIn("rg_not-a-key").statusCode()).isEqualTo(401);
        HttpResponse<String> form = Http.send(Http.request("/session").header("Content-Type", "application/x-www-form-urlencoded"),
                "POST", null);
        assertThat(form.statusCode()).isEqualTo(400);
        HttpResponse<String> cross = Http.send(Http.request("/session").header("Origin", "http://evil.example"), "POST",
                "{\"apiKey\": \"" + WebFixture.KEYS.get(Role.ADMIN) + "\"}");
        assertThat(cross.statusCode()).isEqualTo(403);
    }

    @Test
    void aRevokedKeyEndsItsSessions() {
        WebFixture.server();
        String key = WebFixture.server().keys().create("web-short-lived", Role.CONSUMER).secret();
        HttpResponse<String> r = signIn(key);
        assertThat(Http.send(Http.request("/session").header("Cookie", cookie(r)), "GET", null).statusCode()).isEqualTo(200);
        WebFixture.server().keys().revoke("web-short-lived");
        assertThat(Http.send(Http.request("/session").header("Cookie", cookie(r)), "GET", null).statusCode()).isEqualTo(401);
    }

    @Test
    void sessionsExpireWhenIdleAndByAge() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        WebSessions sessions = new WebSessions(Duration.ofMinutes(30), Duration.ofHours(2), clock);
        // (minutes after the last use, still live?) each step from the session's state after the previous one
        String id = sessions.open("hash").id();
        Object[][] steps = {{29, true}, {29, true}, {29, true}, {29, true}, {5, false}};
        for (Object[] step : steps) {
            now.set(now.get().plus(Duration.ofMinutes((Integer) step[0])));
            assertThat(sessions.touch(id).isPresent()).as("after " + step[0] + " more minutes").isEqualTo(step[1]);
        }
        String idle = sessions.open("hash").id();
        now.set(now.get().plus(Duration.ofMinutes(30)));
        assertThat(sessions.touch(idle)).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void theFormSignsInOutAndDeepLinksSurviveIt() {
        Page page = new Page().signIn(Role.CONSUMER);
        assertThat(page.text("#who")).contains("web-consumer").contains("consumer");
        page.find("#sign-out").click();
        page.waitFor("document.body.dataset.view === 'signin'");
        assertThat(page.driver.manage().getCookieNamed(WebSessions.COOKIE) == null
                || Http.send(Http.request("/session").header("Cookie", WebSessions.COOKIE + "="
                + page.driver.manage().getCookieNamed(WebSessions.COOKIE).getValue()), "GET", null).statusCode() == 401).isTrue();
        // a deep link opened while signed out shows the sign-in, then the linked view
        String firm = WebFixture.hubFirms.getFirst();
        page.driver.get(WebFixture.base() + "/#/enterprise/" + firm);
        page.waitFor("document.body.dataset.view === 'signin'");
        page.find("input[name=apiKey]").sendKeys(WebFixture.KEYS.get(Role.INVESTIGATOR));
        page.find("input[name=apiKey]").submit();
        page.waitFor("document.body.dataset.view === 'profile' && document.body.dataset.state === 'ready'");
        assertThat(page.text("#profile-uscc")).isEqualTo(firm);
        // a wrong key says so
        page.driver.manage().deleteAllCookies();
        page.driver.navigate().refresh();
        page.waitFor("document.body.dataset.view === 'signin'");
        page.find("input[name=apiKey]").sendKeys("rg_wrong");
        page.find("input[name=apiKey]").submit();
        page.waitFor("document.getElementById('signin-error').textContent.length > 0");
        assertThat(page.text("#signin-error")).contains("API key");
    }

    @Test
    void personsAreMaskedBelowInvestigatorExactlyAsTheApiDoes() {
        String firm = WebFixture.xssUscc;
        Page page = new Page().signIn(Role.ANALYST).open("#/enterprise/" + firm);
        String masked = page.find("#profile-people tbody").getText();
        assertThat(masked).contains("*").doesNotContain("window.__pwned");
        assertThat(page.text("#who")).contains("analyst");
        page.signIn(Role.INVESTIGATOR).open("#/enterprise/" + firm);
        assertThat(page.find("#profile-people tbody").getText()).contains(WebFixture.XSS_PERSON);
    }
}
