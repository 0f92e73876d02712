package io.litgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.systemtests.AbuseCases.Case;
import io.litgraph.systemtests.AbuseCases.Expect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
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
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input and abuse against every public endpoint of the running stack, table-driven
 * ({@link AbuseCases}): each case must get a clear 4xx (problem+json from the application) or a
 * bounded answer, never a 5xx, a stack trace or a leaked file, within a time bound; afterwards every
 * service must still be ready. The observed table is written to {@code target/abuse-table.md}
 * (pasted into docs/RELIABILITY.md).
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Path search has a 2 s budget; anything else is generous for a 2-core machine under load. */
    private static final Duration PATH_BOUND = Duration.ofSeconds(5);
    private static final Duration REQUEST_BOUND = Duration.ofSeconds(30);
    private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at io.", "at java.", "at org.", "root:x:0:0",
            "org.hibernate", "org.postgresql", "PSQLException", "SQLState", "syntax error at or near");
    private static final Map<String, Observation> OBSERVED = new ConcurrentHashMap<>();

    private static Stack stack;
    private static String apiKey;
    private static String from;
    private static String to;

    record Observation(Case c, String status, String contentType, long millis, String detail, boolean ok) {
    }

    @BeforeAll
    static void stack(Stack running) throws Exception {
        stack = running;
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(stack.runDir.resolve("secrets.env"))) {
            p.load(in);
        }
        apiKey = p.getProperty("LITGRAPH_API_KEY");
        // the two most frequent concepts: hubs make the most expensive neighbour and path queries
        JsonNode top = JSON.readTree(send("GET", port("query"), "/api/concepts?limit=2", null, null, false).body());
        assertTrue(top.path("items").size() >= 2, "need two concepts in the stack: " + top);
        from = AbuseCases.enc(top.path("items").get(0).path("id").asText());
        to = AbuseCases.enc(top.path("items").get(1).path("id").asText());
    }

    static List<Case> cases() {
        return AbuseCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(1)
    void hostileInputGetsAClearBoundedAnswer(Case c) throws Exception {
        String path = c.path().replace("{FROM}", from).replace("{TO}", to);
        byte[] body = c.body() == null ? null : c.body().get();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r;
        try {
            r = send(c.method(), port(c.service()), path, c.contentType(), body, c.auth());
        } catch (IOException e) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // a server may answer 413 and close while the client is still uploading: the JDK client then
            // reports the broken upload instead of the status. Acceptable only where refusal is expected.
            boolean ok = c.expect() == Expect.REFUSED_4XX;
            OBSERVED.put(c.id(), new Observation(c, "connection closed", "-", ms, e.getClass().getSimpleName(), ok));
            assertTrue(ok, c + ": " + e + logTail(c.service()));
            assertServiceReady(c.service());
            return;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String type = r.headers().firstValue("Content-Type").orElse("");
        String text = new String(r.body(), StandardCharsets.UTF_8);
        String detail = detail(type, text);
        int status = r.statusCode();
        List<String> problems = new ArrayList<>();
        if (status >= 500) {
            problems.add("server error " + status);
        }
        if (c.expect() != Expect.BOUNDED && (status < 400 || status >= 500)) {
            problems.add("expected a 4xx, got " + status);
        }
        if (c.expect() == Expect.PROBLEM_4XX && !type.startsWith("application/problem+json")) {
            problems.add("4xx without application/problem+json (" + type + ")");
        }
        for (String leak : LEAKS) {
            if (text.contains(leak)) {
                problems.add("body leaks '" + leak.strip() + "'");
            }
        }
        if (type.startsWith("text/html") && (text.contains(AbuseCases.XSS) || text.contains("alert(1)"))) {
            problems.add("hostile string reflected in HTML");
        }
        if (r.body().length > MAX_RESPONSE_BYTES) {
            problems.add("unbounded response: " + r.body().length + " bytes");
        }
        Duration bound = path.startsWith("/api/paths") ? PATH_BOUND : REQUEST_BOUND;
        if (ms > bound.toMillis()) {
            problems.add("took " + ms + " ms (bound " + bound.toMillis() + " ms)");
        }
        if (status == 200 && type.startsWith("application/json") && path.contains("limit=2147483647")) {
            JsonNode json = JSON.readTree(text);
            JsonNode items = json.has("items") ? json.get("items") : json.get("paths");
            if (items != null && items.size() > 100) {
                problems.add("limit not clamped: " + items.size() + " items");
            }
            if (json.has("limit") && json.get("limit").asLong() > 100) {
                problems.add("limit echoed as " + json.get("limit"));
            }
        }
        OBSERVED.put(c.id(), new Observation(c, Integer.toString(status), type.replaceAll(";.*", ""), ms, detail, problems.isEmpty()));
        String failure = c + " → " + status + " " + type + " in " + ms + " ms: " + problems + "\n" + abbreviate(text);
        if (c.knownIssue() != null) {
            // the invariants that hold even for a known bug: no leak, no hang, the service survives
            assertTrue(problems.stream().noneMatch(p -> p.startsWith("body leaks") || p.startsWith("took")
                    || p.startsWith("unbounded")), failure + logTail(c.service()));
            assertServiceReady(c.service());
            assertFalse(problems.isEmpty(), c.id() + " passes now: remove its known-issue marker (" + c.knownIssue() + ")");
            fail("known issue " + c.knownIssue() + " (a known failure is a failing test, never a skip): " + failure);
        }
        assertTrue(problems.isEmpty(), failure + logTail(c.service()));
    }

    @Test
    @Order(2)
    void everyServiceIsStillReadyAndNothingWasStored() throws Exception {
        for (String service : List.of("ingest", "entity", "query")) {
            assertServiceReady(service);
        }
        // none of the hostile submissions may have become a document (the shared stack holds the seeds only)
        JsonNode docs = JSON.readTree(send("GET", port("query"), "/api/documents?limit=100&facets=false", null, null, false).body());
        for (JsonNode item : docs.path("items")) {
            String id = item.path("id").asText();
            assertFalse(id.contains("script") || id.contains("DROP") || id.equals("PMID:1") || id.equals("PMID:2"),
                    "a hostile submission was stored: " + item);
        }
    }

    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder md = new StringBuilder("| # | endpoint | payload | expected | status | content type | ms | answer | verdict |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Case c : AbuseCases.all()) {
            Observation o = OBSERVED.get(c.id());
            String endpoint = c.method() + " " + c.service() + " " + c.path().replaceAll("\\?.*", "");
            md.append("| ").append(c.id()).append(" | `").append(endpoint).append("` | ").append(c.payload()).append(" | ")
                    .append(expected(c.expect())).append(" | ");
            if (o == null) {
                md.append("not run | | | | |\n");
                continue;
            }
            md.append(o.status()).append(" | ").append(o.contentType()).append(" | ").append(o.millis()).append(" | ")
                    .append(o.detail().replace("|", "\\|")).append(" | ")
                    .append(o.ok() ? "ok" : c.knownIssue() != null ? "**known bug " + c.knownIssue().substring(0, 2) + "**" : "**FAIL**")
                    .append(" |\n");
        }
        Path out = Path.of("target", "abuse-table.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("---- abuse table (" + out.toAbsolutePath() + ")\n" + md);
    }

    private static String expected(Expect e) {
        return switch (e) {
            case PROBLEM_4XX -> "4xx problem+json";
            case REFUSED_4XX -> "4xx or refused";
            case BOUNDED -> "2xx/4xx, bounded";
        };
    }

    /** The problem's title (and detail) or a short description of a success. */
    private static String detail(String type, String text) {
        try {
            if (type.startsWith("application/problem+json") || type.startsWith("application/json")) {
                JsonNode json = JSON.readTree(text);
                if (json.has("title")) {
                    String d = json.path("title").asText() + (json.has("detail") ? ": " + json.path("detail").asText() : "");
                    return d.length() > 90 ? d.substring(0, 90) + "…" : d;
                }
                if (json.has("items")) {
                    return json.get("items").size() + " items" + (json.has("limit") ? ", limit " + json.get("limit") : "");
                }
                if (json.has("paths")) {
                    return json.get("paths").size() + " paths, truncated=" + json.path("truncated");
                }
                if (json.has("results")) {
                    JsonNode error = json.path("results").path(0).path("error");
                    return "list: accepted " + json.path("accepted") + ", failed " + json.path("failed")
                            + (error.isMissingNode() ? "" : "; first: " + error.path("status") + " " + error.path("title").asText());
                }
                return text.length() + " bytes of JSON";
            }
        } catch (IOException e) {
            return "unparseable " + type;
        }
        return text.length() + " bytes" + (text.isBlank() ? "" : ": " + abbreviate(text.strip()).replace('\n', ' '));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    static int port(String service) {
        return switch (service) {
            case "ingest" -> stack.ports.ingest();
            case "entity" -> stack.ports.entity();
            default -> stack.ports.query();
        };
    }

    private static HttpResponse<byte[]> send(String method, int port, String path, String contentType, byte[] body,
                                             boolean auth) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (auth) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertServiceReady(String service) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                HttpResponse<byte[]> r = send("GET", port(service), "/q/health/ready", null, null, false);
                if (r.statusCode() == 200) {
                    assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("UP"));
                    return;
                }
            } catch (IOException e) {
                // not answering yet: retry below
            }
            Thread.sleep(500);
        }
        fail(service + " is not ready after the abuse" + logTail(service));
    }

    private static String logTail(String service) {
        Path log = stack.runDir.resolve("logs").resolve(service + "-service.log");
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n---- last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
