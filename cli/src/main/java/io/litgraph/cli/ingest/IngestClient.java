package io.litgraph.cli.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.cli.UserException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ingest-service's HTTP API as the CLI uses it. Re-running is safe: ingest-service deduplicates by
 * content hash and answers 200 "duplicate" for what it already has, so transient failures are simply
 * retried.
 */
public class IngestClient {
    static final String DOCUMENTS = "/api/documents";
    /** NDJSON: one JSON document per line. */
    static final String BATCH = "/api/documents/batch";
    private static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final Duration requestTimeout;

    public IngestClient(URI base, String apiKey, Duration requestTimeout) {
        // HTTP/1.1: no h2c upgrade dance with each upload
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
    }

    /** Fails fast, before any upload, when nothing answers at the URL. */
    public void checkReachable() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/live")).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UserException("cannot reach ingest-service at " + base + " (" + describe(e)
                    + "); is it running? see --url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted");
        }
    }

    public FileOutcome upload(Path file, ContentTypes.Upload upload) throws InterruptedException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(base.resolve(upload.batch() ? BATCH : DOCUMENTS))
                    .timeout(requestTimeout)
                    .header("Content-Type", upload.contentType() + (upload.contentType().startsWith("text/") ? ";charset=UTF-8" : ""))
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(file));
        } catch (IOException e) {
            return FileOutcome.failure(file, "cannot read: " + describe(e));
        }
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey.strip());
        }
        HttpResponse<String> response = null;
        String lastError = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    break;
                }
                lastError = "HTTP " + response.statusCode() + problem(response.body());
            } catch (IOException e) {
                response = null;
                lastError = describe(e);
            }
            if (attempt < ATTEMPTS) {
                Thread.sleep(500L << (attempt - 1));
            }
        }
        if (response == null || response.statusCode() >= 500) {
            return FileOutcome.failure(file, lastError);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new UserException("ingest-service refused the API key (HTTP " + response.statusCode() + problem(response.body())
                    + "); pass --api-key or set LITGRAPH_API_KEY");
        }
        return outcome(file, response.statusCode(), response.body());
    }

    /** Reads a single-document answer (id, duplicate), a list answer (results) or a problem. */
    static FileOutcome outcome(Path file, int status, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return FileOutcome.failure(file, "HTTP " + status + ": unexpected answer " + abbreviate(body));
        }
        if (status >= 400) {
            return FileOutcome.failure(file, "HTTP " + status + problem(json));
        }
        if (json.has("results")) {
            List<String> ids = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (JsonNode item : json.get("results")) {
                if (item.has("error")) {
                    errors.add("#" + item.path("position").asInt() + problem(item.get("error")));
                } else if (item.hasNonNull("id")) {
                    ids.add(item.get("id").asText());
                }
            }
            return new FileOutcome(file, json.path("accepted").asInt(), json.path("duplicates").asInt(),
                    json.path("failed").asInt(), ids, errors);
        }
        if (json.hasNonNull("id")) {
            boolean duplicate = json.path("duplicate").asBoolean(status == 200);
            return new FileOutcome(file, duplicate ? 0 : 1, duplicate ? 1 : 0, 0, List.of(json.get("id").asText()), List.of());
        }
        return FileOutcome.failure(file, "HTTP " + status + ": unexpected answer " + abbreviate(body));
    }

    /** The stage of a document's latest version (ACCEPTED … INDEXED, FAILED) and its detail. */
    public record Status(String stage, String detail) {
        public boolean terminal() {
            return "INDEXED".equals(stage) || "FAILED".equals(stage);
        }
    }

    public Status status(String id) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(DOCUMENTS + "/" + encode(id) + "/status"))
                .timeout(requestTimeout).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Status("UNKNOWN", "HTTP " + response.statusCode() + problem(response.body()));
            }
            JsonNode json = JSON.readTree(response.body());
            return new Status(json.path("stage").asText("UNKNOWN"), json.path("detail").asText(null));
        } catch (IOException e) {
            return new Status("UNKNOWN", describe(e));
        }
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String problem(String body) {
        try {
            return problem(JSON.readTree(body == null || body.isBlank() ? "{}" : body));
        } catch (IOException e) {
            return "";
        }
    }

    private static String problem(JsonNode problem) {
        String title = problem.path("title").asText("");
        String detail = problem.path("detail").asText("");
        if (title.isEmpty() && detail.isEmpty()) {
            return "";
        }
        return ": " + title + (detail.isEmpty() ? "" : (title.isEmpty() ? "" : " – ") + detail);
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "(empty)";
        }
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
