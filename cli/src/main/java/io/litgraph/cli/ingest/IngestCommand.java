package io.litgraph.cli.ingest;

import io.litgraph.cli.ExitCodes;
import io.litgraph.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Uploads files to ingest-service in parallel. Safe to re-run: what is already there comes back as
 * "duplicate". With {@code --wait}, follows each document until it is INDEXED (queryable) or FAILED.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Upload files or folders (recursively) to ingest-service.",
                "Content-Type by extension: .txt text/plain (text/markdown when it starts with YAML front matter),"
                        + " .md text/markdown, .html/.htm text/html, .xml application/xml (PubMed, JATS, BioC;"
                        + " ingest-service reads the root element), .json application/json (application/bioc+json"
                        + " for a BioC collection), .ndjson/.jsonl the batch endpoint, .pubtator application/x-pubtator."
                        + " Other files are skipped."})
public class IngestCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:LITGRAPH_INGEST_URL:-http://localhost:8081}",
            description = "ingest-service base URL (default: $LITGRAPH_INGEST_URL or ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:LITGRAPH_API_KEY}",
            description = "API key for writes (default: $LITGRAPH_API_KEY)")
    String apiKey;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "uploads at a time (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--wait", description = "wait until every document is INDEXED or FAILED; exit 1 if any failed")
    boolean await;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "with --wait: how long to wait in all (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--no-progress", description = "no progress bar (it is shown on stderr only when that is a terminal)")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<Path, ContentTypes.Upload> files = collect();
        if (files.isEmpty()) {
            throw new UserException("no file to ingest under " + paths + " (see --help for the extensions read)");
        }
        IngestClient client = new IngestClient(url, apiKey, Duration.ofMinutes(2));
        client.checkReachable();

        boolean interactive = !noProgress && System.console() != null;
        ProgressBar bar = new ProgressBar(err, "ingest", "files", files.size(), interactive);
        List<FileOutcome> outcomes = uploadAll(client, files, bar);
        bar.finish();
        Summary summary = Summary.of(outcomes);
        summary.print(out);

        boolean failed = summary.failed() > 0;
        if (await) {
            failed |= waitForIndexing(client, summary.documentIds(), out, err, interactive);
        }
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private Map<Path, ContentTypes.Upload> collect() {
        Map<Path, ContentTypes.Upload> files = new LinkedHashMap<>();
        PrintWriter err = spec.commandLine().getErr();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UserException("no such file or folder: " + path);
            }
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(f -> !isHidden(path, f)).sorted().toList()) {
                    Optional<ContentTypes.Upload> upload = ContentTypes.detect(file);
                    if (upload.isPresent()) {
                        files.put(file, upload.get());
                    } else if (file.equals(path)) {
                        throw new UserException("cannot tell the format of " + file + " from its extension");
                    } else {
                        err.println("skipping " + file + " (unknown extension)");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private List<FileOutcome> uploadAll(IngestClient client, Map<Path, ContentTypes.Upload> files, ProgressBar bar)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>();
            files.forEach((file, upload) -> futures.add(pool.submit(() -> {
                FileOutcome outcome = client.upload(file, upload);
                bar.step(outcome.failed() > 0);
                return outcome;
            })));
            List<FileOutcome> outcomes = new ArrayList<>();
            for (Future<FileOutcome> f : futures) {
                outcomes.add(get(f));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls each document's status until INDEXED or FAILED; true when any failed or did not finish. */
    private boolean waitForIndexing(IngestClient client, List<String> ids, PrintWriter out, PrintWriter err,
                                    boolean interactive) throws InterruptedException {
        if (ids.isEmpty()) {
            return false;
        }
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        ProgressBar bar = new ProgressBar(err, "index ", "documents", ids.size(), interactive);
        Map<String, IngestClient.Status> pending = new LinkedHashMap<>();
        ids.forEach(id -> pending.put(id, null));
        Map<String, IngestClient.Status> failures = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
                Map<String, Future<IngestClient.Status>> polls = new LinkedHashMap<>();
                for (String id : pending.keySet()) {
                    polls.put(id, pool.submit(() -> client.status(id)));
                }
                for (var poll : polls.entrySet()) {
                    IngestClient.Status status = get(poll.getValue());
                    pending.put(poll.getKey(), status);
                    if (status.terminal()) {
                        pending.remove(poll.getKey());
                        boolean failed = "FAILED".equals(status.stage());
                        if (failed) {
                            failures.put(poll.getKey(), status);
                        }
                        bar.step(failed);
                    }
                }
                if (!pending.isEmpty()) {
                    Thread.sleep(500);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        bar.finish();
        out.printf("indexed: %d, failed: %d, still pending after %d s: %d%n",
                ids.size() - failures.size() - pending.size(), failures.size(), timeoutSeconds, pending.size());
        failures.forEach((id, s) -> out.printf("  FAILED  %s: %s%n", id, s.detail()));
        pending.forEach((id, s) -> out.printf("  PENDING %s: %s%n", id, s == null ? "no answer" : s.stage()
                + (s.detail() == null ? "" : " (" + s.detail() + ")")));
        return !failures.isEmpty() || !pending.isEmpty();
    }

    private static <T> T get(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Totals over all files, and every failure with its reason. */
    record Summary(int files, int accepted, int duplicates, int failed, List<String> documentIds, List<String> errors) {
        static Summary of(List<FileOutcome> outcomes) {
            int accepted = 0;
            int duplicates = 0;
            int failed = 0;
            List<String> ids = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (FileOutcome o : outcomes) {
                accepted += o.accepted();
                duplicates += o.duplicates();
                failed += o.failed();
                ids.addAll(o.documentIds());
                o.errors().forEach(e -> errors.add(o.file() + ": " + e));
            }
            return new Summary(outcomes.size(), accepted, duplicates, failed, List.copyOf(ids), List.copyOf(errors));
        }

        void print(PrintWriter out) {
            out.printf("%d files: %d new, %d duplicate, %d failed%n", files, accepted, duplicates, failed);
            errors.forEach(e -> out.println("  " + e));
        }
    }
}
