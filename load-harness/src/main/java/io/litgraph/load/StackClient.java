package io.litgraph.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** HTTP to the running stack: ingest-service writes, query-service reads. Only ever 127.0.0.1. */
public final class StackClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI ingest;
    private final URI query;
    private final String apiKey;

    public StackClient(URI ingest, URI query, String apiKey) {
        requireLoopback(ingest);
        requireLoopback(query);
        this.ingest = ingest;
        this.query = query;
        this.apiKey = apiKey;
        // HTTP/1.1: no h2c upgrade dance; a pool of keep-alive connections on a small executor
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8, r -> {
                    Thread t = new Thread(r, "http");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    private static void requireLoopback(URI uri) {
        String host = uri.getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("the load harness only drives a stack on this machine, not " + uri);
        }
    }

    public CompletableFuture<HttpResponse<String>> postDocument(String json) {
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/api/documents"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postBatch(String ndjson) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/api/documents/batch"))
                .timeout(Duration.ofSeconds(300))
                .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode stats() throws IOException, InterruptedException {
        return get(query.resolve("/api/stats"));
    }

    /** Documents newest-indexed first, without facets (cheap); null cursor = first page. */
    public JsonNode documentsPage(String cursor, int limit) throws IOException, InterruptedException {
        String path = "/api/documents?facets=false&limit=" + limit
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return get(query.resolve(path));
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return JSON.readTree(r.body());
    }

    static String abbreviate(String s) {
        return s == null || s.length() < 300 ? s : s.substring(0, 300) + "…";
    }
}
