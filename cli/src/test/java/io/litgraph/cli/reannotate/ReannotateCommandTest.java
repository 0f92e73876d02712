package io.litgraph.cli.reannotate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.litgraph.cli.LitgraphCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command against stand-ins that answer as the three services do: it queues through ingest and
 * follows query-service's per-engine counts until every document carries entity-service's versions.
 */
class ReannotateCommandTest {
    private HttpServer server;
    private String url;
    private final AtomicInteger statsCalls = new AtomicInteger();
    private String authorization;

    /** What /api/stats answers on successive calls: documents on the old and the new engine. */
    private static final List<String> PROGRESS = List.of(
            stats(3, 0), stats(2, 1), stats(0, 3));

    private static String stats(long old, long current) {
        return """
                {"documents": %d, "documentsByEngine": [
                  {"engine": "litgraph-nlp", "engineVersion": "0.3", "vocabularyVersion": "v1", "documents": %d},
                  {"engine": "litgraph-nlp", "engineVersion": "0.4", "vocabularyVersion": "v2", "documents": %d}]}
                """.formatted(old + current, old, current);
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/engine", e -> reply(e, 200,
                "{\"name\":\"litgraph-nlp\",\"version\":\"0.4\",\"vocabularyVersion\":\"v2\"}"));
        server.createContext("/api/admin/reannotate", e -> {
            authorization = e.getRequestHeaders().getFirst("Authorization");
            reply(e, "POST".equals(e.getRequestMethod()) ? 202 : 405, "{\"queued\":3}");
        });
        server.createContext("/api/stats", e -> reply(e, 200,
                PROGRESS.get(Math.min(statsCalls.getAndIncrement(), PROGRESS.size() - 1))));
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private int run(StringWriter out, StringWriter err, String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[]{"reannotate", "--ingest-url=" + url, "--entity-url=" + url, "--query-url=" + url,
                "--api-key=k-123", "--timeout=30"}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        return LitgraphCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void queuesWithTheKeyAndWaitsUntilEveryDocumentCarriesTheCurrentEngine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        assertEquals(0, run(out, err), err.toString());

        assertEquals("Bearer k-123", authorization);
        String printed = out.toString();
        assertTrue(printed.contains("queued 3 documents for engine 0.4 with vocabulary v2"), printed);
        assertTrue(printed.contains("0 / 3"), printed);
        assertTrue(printed.contains("1 / 3"), printed);
        assertTrue(printed.contains("3 / 3") && printed.contains("re-annotation complete"), printed);
        assertEquals(3, statsCalls.get(), "stops polling once complete");
    }

    @Test
    void noWaitReturnsAfterQueueing() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "--no-wait"));
        assertEquals(0, statsCalls.get());
    }

    @Test
    void anUnreachableServiceIsAUserErrorNotAStackTrace() {
        server.stop(0);
        StringWriter err = new StringWriter();
        int exit = run(new StringWriter(), err);
        assertEquals(3, exit, err.toString());
        assertTrue(err.toString().contains("not reachable"), err.toString());
        assertTrue(!err.toString().contains("\tat "), err.toString());
    }
}
