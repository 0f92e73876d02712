package io.litgraph.cli.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.litgraph.cli.CliRun;
import io.litgraph.cli.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI against a small HTTP server that answers as ingest-service documents it (202 new, 200
 * duplicate, problem+json errors, status stages), so that the client's logic can be tested on its own.
 */
class IngestCommandTest {
    private static final String KEY = "secret";

    @TempDir
    Path dir;

    private HttpServer server;
    private String url;
    private final Map<String, String> stored = new ConcurrentHashMap<>();
    private final Set<String> contentTypes = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/health/live", ex -> respond(ex, 200, "{\"status\":\"UP\"}"));
        server.createContext("/api/documents", this::documents);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void documents(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if ("GET".equals(ex.getRequestMethod()) && path.endsWith("/status")) {
            String id = path.substring("/api/documents/".length(), path.length() - "/status".length());
            String body = stored.get(id);
            if (body == null) {
                respond(ex, 404, "{\"status\":404,\"title\":\"Not Found\"}");
            } else if (body.contains("FAILME")) {
                respond(ex, 200, "{\"id\":\"" + id + "\",\"version\":1,\"stage\":\"FAILED\",\"detail\":\"engine error\"}");
            } else {
                respond(ex, 200, "{\"id\":\"" + id + "\",\"version\":1,\"stage\":\"INDEXED\",\"detail\":\"3 mentions\"}");
            }
            return;
        }
        if (!("Bearer " + KEY).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            respond(ex, 403, "{\"status\":403,\"title\":\"API key not accepted\"}");
            return;
        }
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        contentTypes.add(ex.getRequestHeaders().getFirst("Content-Type"));
        if (body.contains("REJECT")) {
            respond(ex, 422, "{\"type\":\"about:blank\",\"status\":422,\"title\":\"Unprocessable\",\"detail\":\"no text\"}");
            return;
        }
        String id = "doc-" + Integer.toHexString(body.hashCode());
        boolean duplicate = stored.putIfAbsent(id, body) != null;
        respond(ex, duplicate ? 200 : 202, "{\"id\":\"" + id + "\",\"version\":1,\"status\":\"ACCEPTED\",\"duplicate\":" + duplicate + "}");
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private void files() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "IL-6 and insulin\nInterleukin-6 impairs insulin signalling.");
        Files.writeString(dir.resolve("b.md"), "# TNF\nTNF-alpha and obesity.");
        Files.writeString(dir.resolve("c.txt"), "---\ntitle: Bone\n---\nInsulin and osteoporosis.");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/d.html"), "<html><body><h1>Loneliness</h1><p>Inflammation.</p></body></html>");
        Files.writeString(dir.resolve("e.pdf"), "%PDF-1.7");
        Files.writeString(dir.resolve(".hidden.txt"), "not me");
    }

    @Test
    void uploadsAFolderAndIsSafeToRerun() throws IOException {
        files();
        CliRun first = CliRun.of("ingest", dir.toString(), "--url", url, "--api-key", KEY, "--parallel", "3");
        assertEquals(ExitCodes.OK, first.exitCode(), first.out() + first.err());
        assertTrue(first.out().contains("4 files: 4 new, 0 duplicate, 0 failed"), first.out());
        assertTrue(first.err().contains("skipping") && first.err().contains("e.pdf"), first.err());
        assertFalse(first.err().contains(".hidden"), first.err());
        assertEquals(Set.of("text/plain;charset=UTF-8", "text/markdown;charset=UTF-8", "text/html;charset=UTF-8"), contentTypes);

        CliRun again = CliRun.of("ingest", dir.toString(), "--url", url, "--api-key", KEY);
        assertEquals(ExitCodes.OK, again.exitCode(), again.out());
        assertTrue(again.out().contains("4 files: 0 new, 4 duplicate, 0 failed"), again.out());
    }

    @Test
    void reportsRejectionsWithReasonsAndExitsOne() throws IOException {
        Files.writeString(dir.resolve("good.txt"), "Insulin resistance.");
        Files.writeString(dir.resolve("bad.txt"), "REJECT");
        CliRun run = CliRun.of("ingest", dir.toString(), "--url", url, "--api-key", KEY);
        assertEquals(ExitCodes.FAILED, run.exitCode(), run.out());
        assertTrue(run.out().contains("2 files: 1 new, 0 duplicate, 1 failed"), run.out());
        assertTrue(run.out().contains("bad.txt: HTTP 422: Unprocessable – no text"), run.out());
    }

    @Test
    void waitFollowsDocumentsUntilIndexedOrFailed() throws IOException {
        Files.writeString(dir.resolve("ok.txt"), "Insulin resistance.");
        CliRun ok = CliRun.of("ingest", dir.resolve("ok.txt").toString(), "--url", url, "--api-key", KEY, "--wait", "--timeout", "10");
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.out());
        assertTrue(ok.out().contains("indexed: 1, failed: 0"), ok.out());

        Files.writeString(dir.resolve("fails.txt"), "FAILME later in the pipeline");
        CliRun failed = CliRun.of("ingest", dir.resolve("fails.txt").toString(), "--url", url, "--api-key", KEY, "--wait");
        assertEquals(ExitCodes.FAILED, failed.exitCode(), failed.out());
        assertTrue(failed.out().contains("FAILED") && failed.out().contains("engine error"), failed.out());
    }

    @Test
    void userErrors() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "x");
        CliRun wrongKey = CliRun.of("ingest", dir.toString(), "--url", url, "--api-key", "wrong");
        assertEquals(ExitCodes.USER_ERROR, wrongKey.exitCode());
        assertTrue(wrongKey.err().contains("refused the API key"), wrongKey.err());

        server.stop(0);
        CliRun down = CliRun.of("ingest", dir.toString(), "--url", url, "--api-key", KEY);
        assertEquals(ExitCodes.USER_ERROR, down.exitCode());
        assertTrue(down.err().contains("cannot reach ingest-service"), down.err());
        assertFalse(down.err().contains("Exception"), down.err());

        CliRun missing = CliRun.of("ingest", dir.resolve("nope").toString(), "--url", url);
        assertEquals(ExitCodes.USER_ERROR, missing.exitCode());
        assertTrue(missing.err().contains("no such file or folder"), missing.err());
    }

    @Test
    void progressBarRendersRateAndEta() {
        ProgressBar bar = new ProgressBar(new java.io.PrintWriter(new java.io.StringWriter()), "ingest", "files", 10, false);
        for (int i = 0; i < 4; i++) {
            bar.step(i == 0);
        }
        String line = bar.render(System.nanoTime());
        assertTrue(line.contains("4/10 files"), line);
        assertTrue(line.contains("/s"), line);
        assertTrue(line.contains("ETA"), line);
        assertTrue(line.contains("1 failed"), line);
        assertEquals("1:01:01", ProgressBar.format(java.time.Duration.ofSeconds(3661)));
    }
}
