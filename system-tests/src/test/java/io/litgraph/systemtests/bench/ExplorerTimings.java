package io.litgraph.systemtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explorer page timings in headless Chromium against a running query-service (docs/BENCHMARKS.md,
 * "Explorer"). Not a test: run by system-tests/explorer-bench.sh. Every run loads the page afresh
 * (about:blank first, so that a hash change is a real navigation) and reports, from the page itself:
 * Navigation Timing's DOMContentLoaded and load, the time until the view's content is rendered (a
 * condition per view, polled every animation frame), and the slowest API request of the view (Resource
 * Timing), so that server time and page time can be told apart. Run 1 starts with an empty cache.
 */
public final class ExplorerTimings {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record View(String name, String hash, String renderedWhen) {
    }

    /** One page load, in ms from navigation start. */
    private record Sample(double domContentLoaded, double load, double rendered, double slowestApi, String slowestName,
                          int apiRequests, double afterLastApi, String measures) {
    }

    private ExplorerTimings() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String base = opts.getOrDefault("url", "http://127.0.0.1:8083").replaceAll("/$", "") + "/";
        int runs = Integer.parseInt(opts.getOrDefault("runs", "7"));
        String q = opts.getOrDefault("q", "insulin");

        // the same choices a researcher makes: the first concept for the query, its best neighbour linked by
        // an extracted relation (the path query's target), and the search's best hit with the most mentions
        JsonNode concept = api(base, "api/concepts?limit=1&q=" + enc(q)).get("items").get(0);
        String conceptId = concept.get("id").asText();
        String target = null;
        for (JsonNode n : api(base, "api/concepts/" + enc(conceptId) + "/neighbors?limit=50").get("items")) {
            if (n.path("relations").size() > 0) {
                target = n.get("id").asText();
                break;
            }
        }
        String documentId = null;
        int mentions = -1;
        for (JsonNode d : api(base, "api/documents?facets=false&limit=10&q=" + enc(q)).get("items")) {
            if (d.get("mentionCount").asInt() > mentions) {
                mentions = d.get("mentionCount").asInt();
                documentId = d.get("id").asText();
            }
        }
        System.out.printf("concept %s (%s), path target %s, document %s (%d mentions)%n", conceptId,
                concept.get("name").asText(), target, documentId, mentions);

        List<View> views = List.of(
                new View("search \"" + q + "\"", "#/search?q=" + enc(q),
                        "document.querySelectorAll('ol.results > li').length > 0 && document.querySelector('.concept-hits a')"),
                new View("concept + graph", "#/concept/" + enc(conceptId),
                        "document.querySelector('#concept-title') && document.querySelector('#neighbors tbody tr')"
                                + " && window.litgraphGraph && window.litgraphGraph.nodes().length > 1"
                                + " && document.querySelector('#graph canvas')"),
                new View("document", "#/doc/" + enc(documentId),
                        "document.querySelector('#doc-text .m') && document.querySelector('#doc-title')"
                                + " && document.querySelector('#view').getAttribute('aria-busy') === 'false'"),
                new View("path query", "#/paths?from=" + enc(conceptId) + "&to=" + enc(target) + "&maxHops=3",
                        "document.querySelector('#path-results li.path, #path-results [role=alert], #path-results .notice')"),
                new View("status", "#/status",
                        "document.querySelector('#status-cards') && document.querySelector('#failure-list li, #failures-empty')"
                                + " && document.querySelector('#newest tbody tr')"));

        if (opts.containsKey("views")) {
            List<String> wanted = List.of(opts.get("views").split(","));
            views = views.stream().filter(v -> wanted.stream().anyMatch(w -> v.name().startsWith(w))).toList();
        }
        Path profile = Files.createTempDirectory("explorer-timings");
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,960", "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        try {
            System.out.println("| view | run | DOMContentLoaded | load | rendered | slowest API request | API requests |"
                    + " rendered − last API answer | User Timing |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            Map<String, List<Sample>> all = new LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                for (View view : views) {
                    Sample t = measure(driver, base + view.hash(), view.renderedWhen());
                    if (run == runs && opts.containsKey("screenshots")) {
                        Files.write(Files.createDirectories(Path.of(opts.get("screenshots")))
                                .resolve(view.name().replaceAll("[^a-z]+", "-") + ".png"), driver.getScreenshotAs(OutputType.BYTES));
                    }
                    all.computeIfAbsent(view.name(), k -> new ArrayList<>()).add(t);
                    System.out.printf("| %s | %d | %.0f | %.0f | %.0f | %.0f (%s) | %d | %.0f | %s |%n", view.name(), run,
                            t.domContentLoaded(), t.load(), t.rendered(), t.slowestApi(), t.slowestName(), t.apiRequests(),
                            t.afterLastApi(), t.measures());
                }
            }
            System.out.println();
            System.out.println("| view | rendered, run 1 (cold cache) | rendered, runs 2.. median | max | slowest API request, median |"
                    + " rendered − last API answer, median |");
            System.out.println("|---|---|---|---|---|---|");
            all.forEach((name, ts) -> {
                List<Double> warm = ts.subList(1, ts.size()).stream().map(Sample::rendered).sorted().toList();
                List<Double> api = ts.subList(1, ts.size()).stream().map(Sample::slowestApi).sorted().toList();
                List<Double> page = ts.subList(1, ts.size()).stream().map(Sample::afterLastApi).sorted().toList();
                System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n", name, ts.get(0).rendered(), median(warm),
                        warm.get(warm.size() - 1), median(api), median(page));
            });
        } finally {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static Sample measure(ChromeDriver driver, String url, String renderedWhen) {
        driver.get("about:blank");
        driver.get(url);
        JavascriptExecutor js = driver;
        Object rendered = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const t0 = performance.now();"
                + "(function poll() {"
                + "  let ok = false; try { ok = !!(" + renderedWhen + "); } catch (e) {}"
                + "  if (ok) { done(performance.now()); return; }"
                + "  if (performance.now() - t0 > 55000) { done(-1); return; }"
                + "  requestAnimationFrame(poll);"
                + "})();");
        @SuppressWarnings("unchecked")
        Map<String, Object> nav = (Map<String, Object>) js.executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                        + "const apis = performance.getEntriesByType('resource').filter(r => r.name.includes('/api/'));"
                        + "let slow = null; for (const r of apis) { if (!slow || r.duration > slow.duration) slow = r; }"
                        + "return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, apis: apis.length,"
                        + " slow: slow ? slow.duration : 0, slowName: slow ? slow.name.replace(/^.*\\/api\\//, '').slice(0, 60) : '',"
                        + " lastApi: Math.max(0, ...apis.filter(r => r.responseEnd <= arguments[0]).map(r => r.responseEnd)),"
                        + " measures: performance.getEntriesByType('measure').map(m => m.name + ' ' + Math.round(m.duration)).join(', ')};",
                rendered);
        return new Sample(num(nav.get("dcl")), num(nav.get("load")), num(rendered), num(nav.get("slow")),
                String.valueOf(nav.get("slowName")), (int) num(nav.get("apis")), num(rendered) - num(nav.get("lastApi")),
                String.valueOf(nav.get("measures")));
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static JsonNode api(String base, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return out;
    }
}
