package io.litgraph.cli.reannotate;

import com.fasterxml.jackson.databind.JsonNode;
import io.litgraph.cli.UserException;
import io.litgraph.cli.JsonHttp;
import io.litgraph.cli.StackUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Re-annotates every stored document with the engine and vocabulary entity-service runs now: asks
 * ingest-service to publish them again, then follows query-service's per-engine document counts until
 * every document carries the current versions. The old annotations stay queryable until replaced.
 */
@Command(name = "reannotate", mixinStandardHelpOptions = true,
        description = "Re-process every stored document through the stream with the current engine and vocabulary.")
public class ReannotateCommand implements Callable<Integer> {
    @Mixin
    StackUrls urls;

    @Option(names = "--api-key", defaultValue = "${env:LITGRAPH_API_KEY}", paramLabel = "KEY",
            description = "ingest API key (default: $LITGRAPH_API_KEY)")
    String apiKey;

    @Option(names = "--timeout", defaultValue = "3600", paramLabel = "SECONDS",
            description = "how long to wait for completion (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--no-wait", description = "queue the work and return")
    boolean noWait;

    @Spec
    CommandSpec spec;

    private final JsonHttp http = new JsonHttp();

    @Override
    public Integer call() throws InterruptedException {
        if (apiKey == null || apiKey.isBlank()) {
            throw new UserException("an ingest API key is needed: --api-key or LITGRAPH_API_KEY");
        }
        PrintWriter out = spec.commandLine().getOut();
        JsonNode engine = http.get(urls.entity + "/api/engine");
        String version = engine.path("version").asText();
        String vocabulary = engine.path("vocabularyVersion").asText();
        long queued = http.post(urls.ingest + "/api/admin/reannotate", apiKey, 202).path("queued").asLong();
        out.printf("queued %d documents for engine %s with vocabulary %s%n", queued, version, vocabulary);
        out.flush();
        if (noWait) {
            return 0;
        }
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        long last = -1;
        while (Instant.now().isBefore(deadline)) {
            Progress progress = progress(version, vocabulary);
            if (progress.current() != last) {
                out.printf("  %d / %d documents carry the current annotations%n", progress.current(), progress.total());
                out.flush();
                last = progress.current();
            }
            if (progress.current() >= progress.total()) {
                out.println("re-annotation complete");
                return 0;
            }
            Thread.sleep(Duration.ofSeconds(1).toMillis());
        }
        out.printf("not complete after %d s; it goes on in the background (see %s/api/stats)%n", timeoutSeconds, urls.query);
        return 1;
    }

    private Progress progress(String version, String vocabulary) {
        JsonNode stats = http.get(urls.query + "/api/stats");
        long current = 0;
        for (JsonNode e : stats.path("documentsByEngine")) {
            if (version.equals(e.path("engineVersion").asText()) && vocabulary.equals(e.path("vocabularyVersion").asText())) {
                current += e.path("documents").asLong();
            }
        }
        return new Progress(current, stats.path("documents").asLong());
    }

    record Progress(long current, long total) {
    }
}
