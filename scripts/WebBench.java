// The web page on a real server in a real headless Chromium (Selenium), run by scripts/web-bench.sh.
// Measures, in the page (performance.now, from the start of the hash navigation to the view being drawn):
//   profile     #/enterprise/U                 for typical firms (2-hop party count around the median)
//   network     #/network/U (2 hops + profile)  same firms; network drawn = fetched + fcose layout done
//   hub page    rg.network.expand(Address:A) and one more page, on the largest addresses
//   2,000 nodes #/network/U?hops=3&limit=2000, then frame times of zoom steps and the time of select, hide, expand
// Prints every run and the medians. Args: BASE KEY CITY_DIR [FIRMS] [WARMUP]
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class WebBench {
    static ChromeDriver d;
    static String base, key;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] a) throws Exception {
        base = a[0];
        key = a[1];
        Path city = Path.of(a[2]);
        int firms = a.length > 3 ? Integer.parseInt(a[3]) : 20;
        int warm = a.length > 4 ? Integer.parseInt(a[4]) : 3;
        ChromeDriverService s = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,800",
                "--user-data-dir=" + Files.createTempDirectory("web-bench"));
        d = new ChromeDriver(s, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        try {
            d.get(base + "/#/");
            waitFor("document.body.dataset.view === 'signin'");
            d.findElement(By.name("apiKey")).sendKeys(key);
            d.findElement(By.name("apiKey")).submit();
            waitFor("document.body.dataset.view !== 'signin' && document.body.dataset.state === 'ready'");
            List<String> typical = typical(city, firms + warm);
            List<Double> prof = new ArrayList<>(), net = new ArrayList<>(), fetched = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int i = 0; i < typical.size(); i++) {
                String u = typical.get(i);
                double p = navigate("#/enterprise/" + u);
                navigate("#/search");
                double n = navigate("#/network/" + u);
                int nodes = ((Number) js("return rg.network.nodeIds().length")).intValue();
                Map<?, ?> t = (Map<?, ?>) js("return rg.network.timings");
                if (i < warm) continue;
                prof.add(p);
                net.add(n);
                fetched.add(((Number) t.get("fetched")).doubleValue());
                sizes.add(nodes);
                System.out.printf("firm %s: profile %.0f ms; network %d nodes drawn %.0f ms (data %.0f ms)%n", u, p, nodes, n, fetched.getLast());
                navigate("#/search");
            }
            System.out.printf("MEDIAN profile %.0f ms, network (2 hops + profile) %.0f ms (data %.0f ms), max network %.0f ms, nodes median %d%n",
                    median(prof), median(net), median(fetched), Collections.max(net), (int) median(sizes.stream().map(Integer::doubleValue).toList()));
            // hubs
            List<String[]> hubs = hubs();
            List<Double> first = new ArrayList<>(), more = new ArrayList<>();
            for (String[] h : hubs) {
                navigate("#/network/" + h[1]);
                String id = "Address:" + h[0];
                double f = ((Number) await("const t = performance.now(); await rg.network.expand(args[0]); return performance.now() - t;", id)).doubleValue();
                double m = ((Number) await("const t = performance.now(); await rg.network.more(args[0]); return performance.now() - t;", id)).doubleValue();
                first.add(f);
                more.add(m);
                System.out.printf("hub %s (%s firms): first page %.0f ms, next page %.0f ms%n", h[0], h[2], f, m);
                navigate("#/search");
            }
            System.out.printf("MEDIAN hub page: first %.0f ms, next %.0f ms%n", median(first), median(more));
            // 2,000 nodes
            String big = hubs.getFirst()[1];
            for (int r = 0; r < 3; r++) {
                double drawn = navigate("#/network/" + big + "?hops=3&limit=2000");
                int nodes = ((Number) js("return rg.network.nodeIds().length")).intValue();
                int edges = ((Number) js("return rg.network.edgeCount()")).intValue();
                Map<?, ?> frames = (Map<?, ?>) await("""
                        const cy = rg.network.cy; const times = [];
                        const frame = () => new Promise(r => requestAnimationFrame(() => r()));
                        await frame();
                        for (let i = 0; i < 20; i++) {
                          const t = performance.now();
                          cy.zoom({ level: cy.zoom() * (i % 2 ? 1 / 1.15 : 1.15), renderedPosition: { x: 400, y: 300 } });
                          cy.panBy({ x: 7, y: -5 });
                          await frame(); await frame();
                          times.push(performance.now() - t);
                        }
                        times.sort((a, b) => a - b);
                        const id = rg.network.nodeIds()[Math.floor(rg.network.nodeIds().length / 2)];
                        let t = performance.now(); rg.network.select(id); await frame(); const select = performance.now() - t;
                        t = performance.now(); rg.network.hide(id); await frame(); const hide = performance.now() - t;
                        rg.network.undo();
                        t = performance.now(); await rg.network.expand(rg.network.nodeIds()[1]); await frame(); const expand = performance.now() - t;
                        return { median: times[10], max: times[19], select, hide, expand };""");
                System.out.printf("2,000-node view: %d nodes, %d links drawn in %.0f ms; zoom+pan frame median %.0f ms, max %.0f ms; "
                                + "select %.0f ms, hide %.0f ms, expand %.0f ms%n", nodes, edges, drawn,
                        num(frames.get("median")), num(frames.get("max")), num(frames.get("select")), num(frames.get("hide")), num(frames.get("expand")));
                navigate("#/search");
            }
        } finally {
            d.quit();
        }
    }

    static double num(Object o) { return ((Number) o).doubleValue(); }

    /** Navigates by hash and returns the page's own time from the start of routing to the view drawn. */
    static double navigate(String hash) throws InterruptedException {
        d.executeScript("document.body.dataset.state = 'navigating'");
        d.executeScript("location.hash = arguments[0]", hash);
        waitFor("document.body.dataset.state === 'ready' || document.body.dataset.state === 'error'");
        if ("error".equals(js("return document.body.dataset.state"))) {
            throw new IllegalStateException(hash + ": " + js("return document.getElementById('view').textContent"));
        }
        return num(js("return rg.lastNavigation.readyAt - rg.lastNavigation.start"));
    }

    static Object js(String s, Object... args) { return d.executeScript(s, args); }

    static Object await(String body, Object... args) {
        Object r = d.executeAsyncScript("const done = arguments[arguments.length - 1]; const args = arguments;"
                + "(async () => {" + body + "})().then(v => done({ok: v}), e => done({error: String(e && e.message || e)}));", args);
        Map<?, ?> m = (Map<?, ?>) r;
        if (m.containsKey("error")) throw new IllegalStateException(String.valueOf(m.get("error")));
        return m.get("ok");
    }

    static void waitFor(String cond) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            if (Boolean.TRUE.equals(d.executeScript("try { return !!(" + cond + "); } catch (e) { return false; }"))) return;
            Thread.sleep(20);
        }
        throw new IllegalStateException("timed out waiting for " + cond);
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        return r.body();
    }

    /** Firms whose 2-hop party count is closest to the median of a fixed sample of 400. */
    static List<String> typical(Path city, int n) throws Exception {
        List<String> lines = Files.readAllLines(city.resolve("enterprises.csv"));
        List<String> usccs = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) usccs.add(l.substring(0, l.indexOf(',')));
        Collections.shuffle(usccs, new Random(20261203));
        List<long[]> sized = new ArrayList<>();
        Pattern total = Pattern.compile("\"total\":(\\d+)");
        for (int i = 0; i < 400; i++) {
            Matcher m = total.matcher(get("/enterprises/" + usccs.get(i) + "/related?hops=2&size=1"));
            if (m.find()) sized.add(new long[]{Long.parseLong(m.group(1)), i});
        }
        sized.sort((x, y) -> Long.compare(x[0], y[0]));
        int mid = sized.size() / 2;
        System.out.printf("2-hop parties over %d sampled firms: median %d, p90 %d, max %d%n", sized.size(), sized.get(mid)[0],
                sized.get(sized.size() * 9 / 10)[0], sized.getLast()[0]);
        List<String> out = new ArrayList<>();
        for (int k = 0; out.size() < n && k < sized.size(); k++) {
            int j = mid + (k % 2 == 0 ? k / 2 : -(k / 2 + 1));
            if (j >= 0 && j < sized.size()) out.add(usccs.get((int) sized.get(j)[1]));
        }
        return out;
    }

    /** The five addresses with most firms, each with one of its firms. */
    static List<String[]> hubs() throws Exception {
        String body = "{\"statement\": \"MATCH (a:Address)<-[:LOCATED_AT]-(e:Enterprise) WITH a, count(e) AS n, min(e.uscc) AS u "
                + "ORDER BY n DESC LIMIT 5 RETURN a.address AS a, u, n\"}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cypher")).header("X-API-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\[\"([^\"]+)\",\"([^\"]+)\",(\\d+)\\]").matcher(r.body());
        while (m.find()) out.add(new String[]{m.group(1), m.group(2), m.group(3)});
        if (out.isEmpty()) throw new IllegalStateException("no hub addresses: " + r.body());
        return out;
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.isEmpty() ? Double.NaN : s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
}
