package io.litgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The walking skeleton, end to end, exactly as a user runs it: {@code bin/litgraph up} provisions
 * PostgreSQL and a real Kafka broker, starts the three services as separate JVMs and ingests the
 * seeds; the query API must then answer with normalized concepts; {@code down} must leave nothing
 * (checked by {@link RunningStack} when the JVM's tests are done).
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LitgraphUpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Stack stack;
    private static Stack.Result up;

    @BeforeAll
    static void stack(Stack running, Stack.Result result) {
        stack = running;
        up = result;
    }

    @Test
    @Order(1)
    void upExitsZeroWithASummary() {
        assertEquals(0, up.exitCode(), up.output());
        assertTrue(up.output().contains("documents"), "summary missing:\n" + up.output());
        assertTrue(up.output().contains("http://127.0.0.1:" + Stack.QUERY_PORT), "next URLs missing:\n" + up.output());
    }

    @Test
    @Order(2)
    void everySeedIsQueryable() throws Exception {
        long seeds;
        try (var files = Files.list(stack.repo.resolve("seeds"))) {
            seeds = files.filter(f -> f.toString().endsWith(".txt")).count();
        }
        JsonNode docs = get(Stack.QUERY_PORT, "/api/documents?limit=100");
        JsonNode items = docs.has("items") ? docs.get("items") : docs;
        // other test classes share the stack and add documents under ids of their own; the seeds are ingested
        // without an id, so they carry the content-derived "doc-" ids
        long fromSeeds = 0;
        for (JsonNode item : items) {
            if (item.path("id").asText().startsWith("doc-")) {
                fromSeeds++;
            }
        }
        assertEquals(seeds, fromSeeds, docs.toPrettyString());
    }

    @Test
    @Order(3)
    void conceptAutocompleteFindsInterleukin6() throws Exception {
        JsonNode concepts = get(Stack.QUERY_PORT, "/api/concepts?q=interleukin");
        assertTrue(concepts.toString().contains("NCBIGene:3569"), concepts.toPrettyString());
    }

    @Test
    @Order(4)
    void aNewDocumentFlowsThroughToTheQueryApi() throws Exception {
        String apiKey = secrets().getProperty("LITGRAPH_API_KEY");
        String body = "{\"id\":\"e2e-check\",\"title\":\"IL-6 in type 2 diabetes\","
                + "\"text\":\"Interleukin-6 levels were raised in patients with type 2 diabetes.\"}";
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(uri(Stack.INGEST_PORT, "/api/documents"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(posted.statusCode() == 202 || posted.statusCode() == 200, posted.body());

        JsonNode doc = poll(Stack.QUERY_PORT, "/api/documents/e2e-check", Duration.ofSeconds(90));
        String annotations = doc.toString();
        assertTrue(annotations.contains("NCBIGene:3569"), doc.toPrettyString());
        assertTrue(annotations.contains("MESH:D003924"), doc.toPrettyString());
    }

    @Test
    @Order(5)
    void writesWithoutTheApiKeyAreRefused() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(Stack.INGEST_PORT, "/api/documents"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("text")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    @Order(6)
    void statusReportsEveryComponentUp() throws Exception {
        Stack.Result status = stack.run(60, "status");
        assertEquals(0, status.exitCode(), status.output());
        assertFalse(status.output().contains("DOWN"), status.output());
    }

    @Test
    @Order(7)
    void reannotationRunsEveryDocumentThroughTheStreamAgain() throws Exception {
        long before = get(Stack.QUERY_PORT, "/api/stats").path("documents").asLong();
        JsonNode engine = get(Stack.ENTITY_PORT, "/api/engine");
        Instant started = Instant.now();
        Stack.Result result = stack.run(300, "reannotate", "--timeout", "240");
        assertEquals(0, result.exitCode(), result.output());
        var queued = java.util.regex.Pattern.compile("queued (\\d+) documents").matcher(result.output());
        assertTrue(queued.find(), result.output());
        // other test classes share the stack and may have added documents meanwhile, never removed any
        assertTrue(Long.parseLong(queued.group(1)) >= before, result.output());
        assertTrue(result.output().contains("re-annotation complete"), result.output());
        assertTrue(get(Stack.QUERY_PORT, "/api/stats").path("documents").asLong() >= before, "no document lost");

        // every document goes through the stream again: indexed after the command started, by the engine and
        // vocabulary entity-service runs now. The same build runs here, so the version cannot tell old from new and
        // the command's own completion check (by version) returns at once; the documents are re-indexed after it.
        List<String> stale = new ArrayList<>();
        int checked = 0;
        Instant deadline = Instant.now().plusSeconds(180);
        do {
            if (!stale.isEmpty()) {
                Thread.sleep(2000);
            }
            stale.clear();
            checked = 0;
            String cursor = null;
            do {
                JsonNode page = get(Stack.QUERY_PORT, "/api/documents?facets=false&limit=100"
                        + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
                for (JsonNode summary : page.path("items")) {
                    String id = summary.path("id").asText();
                    JsonNode doc = get(Stack.QUERY_PORT, "/api/documents/" + id);
                    JsonNode by = doc.path("engine");
                    Instant indexed = Instant.parse(doc.path("indexedAt").asText());
                    if (!by.path("name").asText().equals(engine.path("name").asText())
                            || !by.path("version").asText().equals(engine.path("version").asText())
                            || !by.path("vocabularyVersion").asText().equals(engine.path("vocabularyVersion").asText())
                            || indexed.isBefore(started)) {
                        stale.add(id + " (" + by + ", indexed " + indexed + ")");
                    }
                    checked++;
                }
                cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            } while (cursor != null);
        } while (!stale.isEmpty() && Instant.now().isBefore(deadline));
        assertTrue(checked >= before, "walked " + checked + " documents of " + before);
        assertTrue(stale.isEmpty(), "documents not re-annotated by " + engine + " after " + started + ": " + stale);
        JsonNode byEngine = get(Stack.QUERY_PORT, "/api/stats").path("documentsByEngine");
        assertEquals(1, byEngine.size(), "one engine/vocabulary version left: " + byEngine);
        assertEquals(engine.path("version").asText(), byEngine.get(0).path("engineVersion").asText(), byEngine.toString());
        assertEquals(engine.path("vocabularyVersion").asText(), byEngine.get(0).path("vocabularyVersion").asText(), byEngine.toString());
    }

    private Properties secrets() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(stack.runDir.resolve("secrets.env"))) {
            p.load(in);
        }
        return p;
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(port, path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " → " + response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode poll(int port, String path, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(port, path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(500);
        }
        return fail(path + " not available within " + timeout);
    }
}
