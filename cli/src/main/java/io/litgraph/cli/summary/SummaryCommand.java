package io.litgraph.cli.summary;

import com.fasterxml.jackson.databind.JsonNode;
import io.litgraph.cli.JsonHttp;
import io.litgraph.cli.StackUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * What {@code bin/litgraph up} prints at the end: what is in the graph and where to look next. It reads
 * only the public query API, so it describes any running stack, local or remote.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Summarize what a running stack holds: documents, mentions by type, top concepts and relations.")
public class SummaryCommand implements Callable<Integer> {

    @Mixin
    StackUrls urls;

    @Option(names = "--secrets", paramLabel = "FILE", description = "where the ingest API key is kept (printed, not read)")
    Path secrets;

    @Option(names = "--max-documents", defaultValue = "500", paramLabel = "N",
            description = "documents to read for the tallies (default: ${DEFAULT-VALUE})")
    int maxDocuments;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final JsonHttp http = new JsonHttp();

    @Override
    public Integer call() {
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
        out.println("  " + urls.query + "/api/documents");
        out.println("  " + urls.query + "/api/concepts?q=interleukin");
        tally.topConceptId().ifPresent(id -> out.println("  " + urls.query + "/api/concepts/" + id + "/neighbors"));
        out.println("  " + urls.query + "/            (Explorer)");
        out.println("  " + urls.query + "/q/swagger-ui  (API docs; also " + urls.ingest + "/q/swagger-ui, " + urls.entity + "/q/swagger-ui)");
        if (secrets != null) {
            out.println("Ingest more: ./bin/litgraph ingest PATH --api-key \"$LITGRAPH_API_KEY\"   (key in " + secrets + ")");
        }
        out.flush();
        return 0;
    }

    private JsonNode get(String path) {
        return http.get(urls.query + path);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
