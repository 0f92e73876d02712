package io.litgraph.query.bench;

import io.litgraph.query.repository.GraphExportQueries;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bench only (not part of the test suite; run it with -Dtest=GraphExportBench): the graph export over a
 * synthetic store written straight into the tables (genes and diseases, each edge with two affirmed
 * sentences in two PubMed documents), at two sizes. Reports edges/s of the edges file alone and of the
 * whole KGX zip, and the most heap in use while streaming (sampled every 20 ms, after a GC at the start),
 * to show that memory does not grow with the store (run it with -DargLine=-Xmx256m to see it fit), and the
 * edge query alone. Server and client share this JVM; the client only counts lines.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class GraphExportBench {
    private static final int GENES = 100_000;
    private static final int CONCEPTS = 50_000;
    private static final int DOCUMENTS = 10_000;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/api/graph/export")
    URL export;

    @Test
    void exportThroughputAndHeap() throws Exception {
        seed(0, 100_000);
        run("100k edges");
        seed(100_000, 400_000);
        run("400k edges");
    }

    private void run(String label) throws Exception {
        sqlOnly(label);
        measure(label, "kgx-jsonl part=edges", "?format=kgx-jsonl&part=edges");
        measure(label, "kgx-jsonl part=edges", "?format=kgx-jsonl&part=edges");
        measure(label, "kgx-tsv part=edges", "?format=kgx-tsv&part=edges");
        measure(label, "kgx-jsonl zip (nodes+edges)", "?format=kgx-jsonl");
    }

    private void measure(String label, String what, String query) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long base = rt.totalMemory() - rt.freeMemory();
        AtomicLong peak = new AtomicLong(base);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(export + query)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        sampler.join();
        long edges = count("SELECT count(*) FROM relation_summary WHERE document_count >= 1");
        System.out.printf("BENCH %s | %s | status %d | %.1f MB | %d lines | %.2f s | %.0f edges/s | heap at start %d MB, peak %d MB (max %d MB)%n",
                label, what, response.statusCode(), bytes / 1e6, lines, seconds, edges / seconds, base >> 20,
                peak.get() >> 20, rt.maxMemory() >> 20);
    }

    /** The edge query alone, through the same kind of cursor, rows read and dropped. */
    private void sqlOnly(String label) throws Exception {
        var filter = new GraphExportQueries.Filter(1, java.util.List.of(), null);
        time(label, "edge SQL only", GraphExportQueries.edgeSql(filter, false));
    }

    private void time(String label, String what, String sql) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            long rows = 0;
            try (var ps = c.prepareStatement(sql)) {
                ps.setFetchSize(2000);
                ps.setObject(1, 1);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getArray("documents");
                        rows++;
                    }
                }
            }
            c.rollback();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("BENCH %s | %s | %d rows | %.2f s | %.0f rows/s%n", label, what, rows, seconds, rows / seconds);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Edges from..to (exclusive): gene i/4+1 → disease (i·7919 mod 50000)+1, unique pairs, two sentences each. */
    private void seed(int from, int to) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (from == 0) {
                s.execute("INSERT INTO concept (id, type, name, xrefs, document_count, mention_count) "
                        + "SELECT 'NCBIGene:' || i, 'GeneOrGeneProduct', 'gene ' || i, jsonb_build_array('HGNC:' || i), 8, 16 "
                        + "FROM generate_series(1, " + GENES + ") i");
                s.execute("INSERT INTO concept (id, type, name, xrefs, document_count, mention_count) "
                        + "SELECT 'MESH:D' || i, 'DiseaseOrPhenotypicFeature', 'disease ' || i, '[]', 8, 16 "
                        + "FROM generate_series(1, " + CONCEPTS + ") i");
                s.execute("INSERT INTO document (id, version, title, text, passages, published_on) "
                        + "SELECT 'pmid-' || i, 1, 'Synthetic ' || i, 'Synthetic text.', '[]', date '2020-01-01' + (i % 1500) "
                        + "FROM generate_series(0, " + (DOCUMENTS - 1) + ") i");
            }
            s.execute("INSERT INTO relation (document_id, idx, type, subject_id, object_id, directed, negated, speculative, confidence) "
                    + "SELECT 'pmid-' || ((i + k) % " + DOCUMENTS + "), (i / " + DOCUMENTS + ") * 2 + k, 'Positive_Correlation', "
                    + "'NCBIGene:' || (i / 4 + 1), 'MESH:D' || ((i::bigint * 7919) % " + CONCEPTS + " + 1), true, false, false, 0.8 "
                    + "FROM generate_series(" + from + ", " + (to - 1) + ") i, generate_series(0, 1) k");
            s.execute("INSERT INTO relation_summary (subject_id, object_id, type, directed, document_count, evidence_count, "
                    + "negated_document_count, negated_evidence_count, support_mass, against_mass) "
                    + "SELECT 'NCBIGene:' || (i / 4 + 1), 'MESH:D' || ((i::bigint * 7919) % " + CONCEPTS + " + 1), "
                    + "'Positive_Correlation', true, 2, 2, 0, 0, 3.2189, 0 FROM generate_series(" + from + ", " + (to - 1) + ") i");
            s.execute("ANALYZE");
        }
    }
}
