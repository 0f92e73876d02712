package io.litgraph.cli.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.litgraph.cli.CliRun;
import io.litgraph.cli.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code litgraph export} against a small HTTP server that answers as GET /api/graph/export documents it
 * (a zip of nodes and edges for KGX, plain CSV, problem+json for bad parameters).
 */
class ExportCommandTest {
    private static final String NODES = "{\"id\":\"NCBIGene:1\"}\n{\"id\":\"MESH:D1\"}\n";
    private static final String EDGES = edges();

    @TempDir
    Path dir;

    private HttpServer server;
    private String url;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/graph/export", this::export);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void export(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        queries.add(query);
        if (query.contains("since=never")) {
            send(ex, 400, "application/problem+json",
                    "{\"status\":400,\"errors\":[{\"parameter\":\"since\",\"message\":\"not a date\"}]}".getBytes(StandardCharsets.UTF_8));
        } else if (query.contains("since=2099")) {
            byte[] whole = zip();
            ex.getResponseHeaders().set("Content-Type", "application/zip");
            ex.sendResponseHeaders(200, whole.length); // announces more than it sends: the stream breaks off
            ex.getResponseBody().write(whole, 0, whole.length / 2); // inside the edges entry
            ex.getResponseBody().flush();
            ex.close();
        } else if (query.startsWith("format=csv")) {
            send(ex, 200, "text/csv", "subject,object\nNCBIGene:1,MESH:D1\n".getBytes(StandardCharsets.UTF_8));
        } else {
            send(ex, 200, "application/zip", zip());
        }
    }

    private static String edges() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            lines.append("{\"subject\":\"NCBIGene:").append(i * 7919 % 10007).append("\",\"object\":\"MESH:D").append(i).append("\"}\n");
        }
        return lines.toString();
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("nodes.jsonl"));
            z.write(NODES.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("edges.jsonl"));
            z.write(EDGES.getBytes(StandardCharsets.UTF_8));
        }
        return zip.toByteArray();
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, 0); // chunked, as the service streams
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void kgxZipIsUnpackedIntoTheTwoFiles() throws IOException {
        Path out = dir.resolve("graph");
        CliRun run = CliRun.of("export", "--query-url", url, "--format", "kgx-jsonl", "--out", out.toString(),
                "--min-documents", "2", "--types", "Gene,Disease", "--since", "2020");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(NODES, Files.readString(out.resolve("nodes.jsonl")));
        assertEquals(EDGES, Files.readString(out.resolve("edges.jsonl")));
        assertFalse(Files.exists(out.resolve("edges.jsonl.partial")));
        assertEquals(List.of("format=kgx-jsonl&minDocuments=2&types=Gene&types=Disease&since=2020"), queries);
        assertTrue(run.err().contains("nodes 2 lines, edges 2000 lines"), run.err());
        assertTrue(run.out().contains("nodes.jsonl") && run.out().contains("edges.jsonl"), run.out());
    }

    @Test
    void csvIsOneFile() throws IOException {
        CliRun run = CliRun.of("export", "--query-url", url, "--format", "csv", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("subject,object\nNCBIGene:1,MESH:D1\n", Files.readString(dir.resolve("edges.csv")));
    }

    @Test
    void aRejectedRequestIsAUserErrorWithTheProblem() {
        CliRun run = CliRun.of("export", "--query-url", url, "--out", dir.toString(), "--since", "never");
        assertEquals(ExitCodes.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("400") && run.err().contains("not a date"), run.err());
        assertFalse(Files.exists(dir.resolve("nodes.jsonl")));
    }

    @Test
    void aStreamThatBreaksOffFailsAndLeavesNoFileThatLooksWhole() {
        CliRun run = CliRun.of("export", "--query-url", url, "--out", dir.toString(), "--since", "2099");
        assertEquals(ExitCodes.USER_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains("broke off"), run.err());
        assertFalse(Files.exists(dir.resolve("edges.jsonl")));
    }

    @Test
    void badFormatIsAUsageError() {
        CliRun run = CliRun.of("export", "--query-url", url, "--out", dir.toString(), "--format", "graphml");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(queries.isEmpty());
    }
}
