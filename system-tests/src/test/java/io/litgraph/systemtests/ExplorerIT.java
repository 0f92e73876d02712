package io.litgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The explorer page (explorer module, served by query-service at /) driven in headless Chromium, the way
 * a researcher uses it: search "insulin" and pick a concept from the autocomplete with the keyboard, see
 * the neighbourhood graph drawn, open an evidence sentence in its document, run a path query, look at the
 * pipeline status, and check the phone layout. Saves its screenshots under system-tests/target/screenshots,
 * or where {@code -Dlitgraph.screenshots} says: {@code ./bin/litgraph screenshots} points it at the README's
 * docs/screenshots. Needs Debian's {@code chromium} and {@code chromium-driver}, and fails without them (the
 * test command installs them).
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String base;
    private static Path screenshots;
    private static Path profile;
    private static ChromeDriver driver;
    private static WebDriverWait wait;
    /** the concept picked from the autocomplete in the first test; later tests start from it */
    private static String conceptId;

    @BeforeAll
    static void browser(Stack stack) throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        base = "http://127.0.0.1:" + Stack.QUERY_PORT + "/";
        String target = System.getProperty("litgraph.screenshots", "");
        screenshots = Files.createDirectories(target.isBlank()
                ? stack.repo.resolve("system-tests/target/screenshots") : Path.of(target).toAbsolutePath());
        profile = Files.createTempDirectory("explorer-it-chromium");

        // An explicit driver binary: Selenium Manager is not consulted and nothing is downloaded.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,960", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterAll
    static void quit() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    @Order(1)
    void servedByQueryServiceWithEveryAssetLocal() throws Exception {
        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("litgraph explorer"), page.body());
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "the page must not load anything from another host");
        assertEquals(200, get("vendor/cytoscape/cytoscape.min.js").statusCode(), "Cytoscape.js must be packaged");
        assertEquals(200, get("js/app.js").statusCode());
        assertEquals(200, get("css/explorer.css").statusCode());
    }

    @Test
    @Order(2)
    void searchSuggestsConceptsAndDocumentsAndTheKeyboardPicksOne() throws Exception {
        driver.get(base + "#/search?q=insulin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-hits-h")));
        wait.until(d -> !d.findElements(By.cssSelector("ol.results > li")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector(".concept-hits a")).isEmpty());

        WebElement box = driver.findElement(By.id("global-q"));
        box.clear();
        box.click();
        box.sendKeys("insulin");
        WebElement list = driver.findElement(By.id("global-q-list"));
        wait.until(d -> list.isDisplayed() && !list.findElements(By.cssSelector("[role=option]")).isEmpty());
        assertEquals("true", box.getAttribute("aria-expanded"));
        List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
        assertTrue(options.get(0).getText().toLowerCase().contains("insulin"), options.get(0).getText());
        assertTrue(list.getText().toLowerCase().contains("concepts"), list.getText());
        assertTrue(list.getText().toLowerCase().contains("documents"), "documents are suggested too:\n" + list.getText());
        save("search.png");

        box.sendKeys(Keys.ARROW_DOWN);
        String active = box.getAttribute("aria-activedescendant");
        assertNotNull(active, "ArrowDown must highlight an option (aria-activedescendant)");
        assertEquals("true", driver.findElement(By.id(active)).getAttribute("aria-selected"));
        box.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("#/concept/"));
        conceptId = java.net.URLDecoder.decode(currentHash().substring("#/concept/".length()), StandardCharsets.UTF_8);
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("concept-title")));
        assertTrue(title.getText().toLowerCase().contains("insulin"), title.getText());
    }

    @Test
    @Order(3)
    void conceptPageShowsNamesLinksAndTheNeighbourhoodGraph() throws Exception {
        openConcept();
        JsonNode concept = api("api/concepts/" + enc(conceptId));
        assertTrue(driver.findElement(By.tagName("main")).getText().contains(concept.get("name").asText()));
        if (concept.hasNonNull("url")) {
            assertFalse(driver.findElements(By.cssSelector("a[href='" + concept.get("url").asText() + "']")).isEmpty(),
                    "link to the source database " + concept.get("url"));
        }

        int nodes = graphNodes();
        assertTrue(nodes > 1, "the graph shows the concept and its neighbours, got " + nodes);
        assertFalse(driver.findElements(By.cssSelector("#graph canvas")).isEmpty(), "cytoscape draws on canvas");
        assertEquals(String.valueOf(nodes), driver.findElement(By.id("graph")).getAttribute("data-nodes"));
        Number edges = (Number) js("return window.litgraphGraph.edges().length;");
        assertTrue(edges.intValue() >= nodes - 1, "every neighbour is linked to the concept");

        // Click a node in the graph: a real pointer click on the canvas, where cytoscape says the node is drawn.
        WebElement graph = driver.findElement(By.id("graph"));
        scrollTo(graph);
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) js("const n = window.litgraphGraph.nodes().filter(n => !n.data('center'))[0];"
                + "const p = n.renderedPosition(); const c = window.litgraphGraph.container();"
                + "return {name: n.data('name'), dx: p.x - c.clientWidth / 2, dy: p.y - c.clientHeight / 2};");
        new Actions(driver).moveToElement(graph, ((Number) target.get("dx")).intValue(), ((Number) target.get("dy")).intValue())
                .click().perform();
        wait.until(d -> d.findElement(By.id("selection-h")).getText().equals(target.get("name")));

        // Expand a neighbour from the accessible table: the graph grows or marks it expanded.
        WebElement expand = driver.findElement(By.cssSelector("#neighbors tbody tr button[aria-label^='Expand']"));
        scrollTo(expand);
        expand.click();
        wait.until(d -> !expand.isEnabled());
        wait.until(d -> ((Number) js("return window.litgraphGraph.nodes('[?expanded]').length;")).intValue() >= 2);
        js("window.litgraphGraph.fit(undefined, 30);");
        js("document.getElementById('graph-h').scrollIntoView({block: 'start'}); window.scrollBy(0, -70);");
        Thread.sleep(700); // let the layout animation settle before the screenshot
        save("concept.png");

        // "Show all relations" asks for relations below the default belief threshold too (all=1 in the address).
        WebElement showAll = driver.findElement(By.id("show-all-relations"));
        assertFalse(showAll.isSelected(), "the default view hides low-belief relations");
        scrollTo(showAll);
        showAll.click();
        wait.until(ExpectedConditions.urlContains("all=1"));
        wait.until(d -> {
            try {
                return d.findElement(By.id("show-all-relations")).isSelected()
                        && !d.findElements(By.cssSelector("#neighbors tbody tr")).isEmpty();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false; // the page is being drawn again
            }
        });
    }

    @Test
    @Order(4)
    void anEvidenceSentenceOpensHighlightedInItsDocument() throws Exception {
        openConcept();
        // A neighbour linked by an extracted relation (not co-occurrence only) has evidence sentences.
        WebElement evidence = null;
        for (WebElement row : driver.findElements(By.cssSelector("#neighbors tbody tr"))) {
            if (!row.findElements(By.tagName("td")).get(1).getText().contains("co-occurrence only")) {
                evidence = row.findElement(By.cssSelector("button.evidence-button"));
                break;
            }
        }
        assertNotNull(evidence, "some neighbour of " + conceptId + " is linked by an extracted relation");
        scrollTo(evidence);
        evidence.click();
        WebElement open = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#selection a.evidence-open")));
        assertFalse(driver.findElements(By.cssSelector("#selection .belief")).isEmpty(), "evidence shows its relation's belief");
        String sentence = open.findElement(By.xpath("preceding-sibling::p[contains(@class,'evidence-sentence')]")).getText()
                .replaceAll("^“|”$", "").trim();
        scrollTo(open);
        open.click();

        wait.until(ExpectedConditions.urlContains("#/doc/"));
        String openedUrl = driver.getCurrentUrl();
        WebElement lit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#doc-text .sent.evidence")));
        int offset = Integer.parseInt(currentHash().replaceFirst("^.*[?&]s=(\\d+).*$", "$1"));
        assertTrue(Integer.parseInt(lit.getAttribute("data-start")) <= offset && offset < Integer.parseInt(lit.getAttribute("data-end")),
                "the highlighted sentence holds the evidence offset " + offset);
        String opened = normalize(sentence);
        assertTrue(normalize(lit.getText()).contains(opened.substring(0, Math.min(20, opened.length()))),
                "highlighted: " + lit.getText() + "\nopened: " + sentence);

        // Mentions are coloured by type and link to their concepts; negated/speculative ones are marked.
        List<WebElement> mentions = driver.findElements(By.cssSelector("#doc-text .m"));
        assertFalse(mentions.isEmpty(), "mentions are highlighted");
        assertTrue(mentions.stream().anyMatch(m -> m.getAttribute("class").contains("t-")), "mentions carry their type");
        String docId = java.net.URLDecoder.decode(currentHash().replaceFirst("^#/doc/", "").replaceFirst("\\?.*$", ""), StandardCharsets.UTF_8);
        JsonNode doc = api("api/documents/" + enc(docId));
        long negated = 0;
        for (JsonNode m : doc.get("mentions")) {
            negated += m.path("negated").asBoolean() ? 1 : 0;
        }
        assertEquals(negated > 0, !driver.findElements(By.cssSelector("#doc-text .m.negated")).isEmpty(),
                "negated mentions are marked exactly when the document has some");

        // Another relation's "Show in text" moves the highlight to its sentence.
        List<WebElement> showButtons = driver.findElements(By.cssSelector("button.evidence-link"));
        assertFalse(showButtons.isEmpty(), "relations are listed with their evidence");
        WebElement last = showButtons.get(showButtons.size() - 1);
        int target = Integer.parseInt(last.getAttribute("data-start"));
        scrollTo(last);
        last.click();
        wait.until(d -> {
            WebElement now = d.findElement(By.cssSelector("#doc-text .sent.evidence"));
            return Integer.parseInt(now.getAttribute("data-start")) <= target && target < Integer.parseInt(now.getAttribute("data-end"));
        });
        assertEquals(1, driver.findElements(By.cssSelector("#doc-text .sent.evidence")).size(), "one sentence lit at a time");

        // The export links serve the standard formats.
        WebElement pubtator = driver.findElement(By.cssSelector("a[data-format=pubtator]"));
        HttpResponse<String> export = get(pubtator.getAttribute("href").substring(base.length()));
        assertEquals(200, export.statusCode());
        assertTrue(export.body().contains("|t|") || export.body().contains("|a|"), export.body());

        // Back to the opened sentence for the screenshot.
        driver.get(openedUrl);
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#doc-text .sent.evidence")));
        Thread.sleep(500);
        save("document.png");
    }

    @Test
    @Order(5)
    void pathFinderShowsChainsWithTheirEvidence() throws Exception {
        // Two seed concepts linked by an extracted relation: the picked concept and its best related neighbour.
        JsonNode neighbors = api("api/concepts/" + enc(concept()) + "/neighbors?limit=50");
        String target = null;
        for (JsonNode n : neighbors.get("items")) {
            if (n.path("relations").size() > 0) {
                target = n.get("name").asText();
                break;
            }
        }
        assertNotNull(target, "a neighbour with a relation");
        String source = api("api/concepts/" + enc(conceptId)).get("name").asText();

        driver.get(base + "#/paths");
        pickConcept("path-from", source);
        pickConcept("path-to", target);
        driver.findElement(By.id("path-submit")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#path-results li.path, #path-results [role=alert]")).isEmpty());
        List<WebElement> problems = driver.findElements(By.cssSelector("#path-results [role=alert]"));
        assertTrue(problems.isEmpty(), () -> "path query failed: " + problems.get(0).getText());
        List<WebElement> paths = driver.findElements(By.cssSelector("#path-results li.path"));
        assertFalse(paths.isEmpty());
        WebElement first = paths.get(0);
        assertTrue(first.getText().contains(source) && first.getText().contains(target), first.getText());
        assertFalse(first.findElements(By.cssSelector(".evidence-sentence")).isEmpty(), "each hop shows its evidence");
        save("paths.png");
    }

    @Test
    @Order(6)
    void statusShowsDocumentsPerStageFailuresAndTheNewest() throws Exception {
        driver.get(base + "#/status");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stages")));
        wait.until(d -> !d.findElements(By.cssSelector("#newest tbody tr")).isEmpty());
        long documents = api("api/stats").get("documents").asLong();
        assertTrue(documents >= 5, "the seeds are indexed");
        String cards = driver.findElement(By.id("status-cards")).getText();
        assertTrue(cards.contains(String.valueOf(documents)), cards);

        // Failures with their reasons (GET /api/failures): a seeded stack normally has none, so the empty
        // state is what renders here; PipelineFailuresIT in query-service covers listed failures.
        WebElement failures = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failures")));
        wait.until(d -> !d.findElements(By.cssSelector("#failure-list li.failure, #failures-empty")).isEmpty());
        JsonNode listed = api("api/failures");
        assertEquals(listed.get("stored").asLong(), api("api/stats").get("failures").asLong());
        if (listed.get("items").isEmpty()) {
            assertTrue(driver.findElement(By.id("failures-empty")).getText().contains("No failures"), failures.getText());
        } else {
            JsonNode first = listed.get("items").get(0);
            WebElement item = driver.findElement(By.cssSelector("#failure-list li.failure"));
            assertTrue(item.getText().contains(first.get("reason").asText().substring(0, Math.min(40, first.get("reason").asText().length()))),
                    item.getText());
        }
        save("status.png");
    }

    @Test
    @Order(7)
    void phoneLayoutIsOneColumnWithoutSidewaysScrolling() throws Exception {
        Dimension laptop = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(390, 844));
            openConcept();
            String columns = (String) js("return getComputedStyle(document.querySelector('.layout')).gridTemplateColumns;");
            assertEquals(1, columns.trim().split("\\s+").length, "one column on a phone: " + columns);
            Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(overflow.intValue() <= 1, "no sideways scrolling, overflow " + overflow);
            save("phone.png");
        } finally {
            driver.manage().window().setSize(laptop);
        }
    }

    @Test
    @Order(8)
    void noScriptErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            // failed requests the page reports itself are not script errors
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !entry.getMessage().contains("Failed to load resource")) {
                errors.add(entry.getMessage());
            }
        }
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    // ---- helpers

    /** The concept the search test picked; if that test failed, the first autocomplete hit for "insulin". */
    private static String concept() throws IOException, InterruptedException {
        if (conceptId == null) {
            JsonNode items = api("api/concepts?q=insulin").get("items");
            assertTrue(items.size() > 0, "no concept matches insulin");
            conceptId = items.get(0).get("id").asText();
        }
        return conceptId;
    }

    private static void openConcept() throws IOException, InterruptedException {
        concept();
        driver.get(base + "#/concept/" + enc(conceptId));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("concept-title")));
        wait.until(d -> !d.findElements(By.cssSelector("#neighbors tbody tr")).isEmpty());
        wait.until(d -> graphNodes() > 1);
    }

    /** Types a name into a concept combobox and picks the suggestion carrying that name, with the keyboard. */
    private static void pickConcept(String inputId, String name) {
        WebElement input = driver.findElement(By.id(inputId));
        input.clear();
        input.sendKeys(name);
        WebElement list = driver.findElement(By.id(inputId + "-list"));
        wait.until(d -> list.isDisplayed() && !list.findElements(By.cssSelector("[role=option]")).isEmpty());
        List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
        int index = 0;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).getText().toLowerCase().contains(name.toLowerCase())) {
                index = i;
                break;
            }
        }
        for (int i = 0; i <= index; i++) {
            input.sendKeys(Keys.ARROW_DOWN);
        }
        input.sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElement(By.id(inputId + "-chosen")).getText().equals("nothing chosen"));
    }

    private static int graphNodes() {
        Object n = js("return window.litgraphGraph ? window.litgraphGraph.nodes().length : 0;");
        return ((Number) n).intValue();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private static String currentHash() {
        String url = driver.getCurrentUrl();
        return url.substring(url.indexOf('#'));
    }

    private static String normalize(String s) {
        // mention flags (✗ ?) and their screen-reader words are not part of the sentence
        return s.replaceAll(" \\((negated|speculative|negated, speculative)\\)", "").replaceAll("[✗?“”]", "")
                .replaceAll("\\s+", " ").trim();
    }

    private static void save(String name) throws IOException {
        Files.write(screenshots.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + " → " + response.body());
        return JSON.readTree(response.body());
    }
}
