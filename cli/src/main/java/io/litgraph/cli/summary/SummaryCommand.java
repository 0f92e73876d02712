package io.litgraph.cli.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * What {@code bin/litgraph up} prints at the end: what is in the graph and where to look next. It reads
 * only the public query API, so it describes any running stack, local or remote.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Summarize what a running stack holds: documents, mentions by type, top concepts and relations.")
public class SummaryCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--query-url", defaultValue = "${env:LITGRAPH_QUERY_URL:-http://localhost:8083}", paramLabel = "URL")
    String queryUrl;

    @Option(names = "--ingest-url", defaultValue = "${env:LITGRAPH_INGEST_URL:-http://localhost:8081}", paramLabel = "URL")
    String ingestUrl;

    @Option(names = "--entity-url", defaultValue = "http://localhost:8082", paramLabel = "URL")
    String entityUrl;

    @Option(names = "--secrets", paramLabel = "FILE", description = "where the ingest API key is kept (printed, not read)")
    Path secrets;

    @Option(names = "--max-documents", defaultValue = "500", paramLabel = "N",
            description = "documents to read for the tallies (default: ${DEFAULT-VALUE})")
    int maxDocuments;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        Tally tally = new Tally();
        String cursor = null;
        int read = 0;
        do {
            JsonNode page = get("/api/documents?limit=100" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            for (JsonNode summary : page.path("items")) {
                if (read++ >= maxDocuments) {
                    break;
                }
                tally.add(get("/api/documents/" + encode(summary.path("id").asText())));
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null && read < maxDocuments);

        PrintWriter out = spec.commandLine().getOut();
        tally.print(out);
        out.println();
        out.println("Try next:");
        out.println("  " + queryUrl + "/api/documents");
        out.println("  " + queryUrl + "/api/concepts?q=interleukin");
        tally.topConceptId().ifPresent(id -> out.println("  " + queryUrl + "/api/concepts/" + id + "/neighbors"));
        out.println("  " + queryUrl + "/            (Explorer)");
        out.println("  " + queryUrl + "/q/swagger-ui  (API docs; also " + ingestUrl + "/q/swagger-ui, " + entityUrl + "/q/swagger-ui)");
        if (secrets != null) {
            out.println("Ingest more: ./bin/litgraph ingest PATH --api-key \"$LITGRAPH_API_KEY\"   (key in " + secrets + ")");
        }
        out.flush();
        return 0;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(queryUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new UserException("query-service is not reachable at " + queryUrl);
        }
        if (response.statusCode() != 200) {
            throw new UserException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
