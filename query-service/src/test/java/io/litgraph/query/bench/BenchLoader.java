package io.litgraph.query.bench;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;
import io.litgraph.query.repository.AnnotationWriter;
import io.litgraph.query.support.SeedEvents;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Bench-only loader (not part of the test suite): annotates the abstracts of ../shared/corpora with
 * the engine at run time, then stores them through query-service's own {@link AnnotationWriter} (the
 * code path the consumer uses, minus Kafka), repeating the corpus under new ids ({@code <pmid>-r<k>})
 * until {@code --documents} are stored. Then tops the concept table up to {@code --concepts} with
 * synthetic concepts named from real words of the stored names, so that autocomplete is measured at
 * that size. Resumable: documents already stored are skipped. The schema must exist (start
 * query-service once against the database first; Flyway creates it).
 *
 * <pre>--jdbc URL --user U --password P [--documents 100000] [--concepts 100000]
 *      [--corpora ../../shared/corpora] [--vocab path/to/litgraph-vocab.bin]</pre>
 */
public final class BenchLoader {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int documents = Integer.parseInt(opt.getOrDefault("documents", "100000"));
        int concepts = Integer.parseInt(opt.getOrDefault("concepts", "100000"));
        Path corpora = Path.of(opt.getOrDefault("corpora", "../../shared/corpora"));
        Engine engine = opt.containsKey("vocab") ? Engine.load(Path.of(opt.get("vocab"))) : Engine.builtin();

        List<AnnotationEvent> corpus = annotate(engine, corpora);
        try (Connection c = DriverManager.getConnection(opt.get("jdbc"), opt.get("user"), opt.get("password"))) {
            c.setAutoCommit(false);
            AnnotationWriter writer = new AnnotationWriter(sameConnection(c));
            long t0 = System.nanoTime();
            int stored = 0;
            int skipped = 0;
            for (int copy = 0; stored + skipped < documents; copy++) {
                for (AnnotationEvent base : corpus) {
                    if (stored + skipped >= documents) {
                        break;
                    }
                    AnnotationEvent event = copy == 0 ? base : withId(base, base.documentId() + "-r" + copy);
                    OptionalInt existing = writer.lockStoredVersion(event.documentId());
                    if (existing.isPresent()) {
                        skipped++;
                        continue;
                    }
                    writer.replace(event, false);
                    if (++stored % 50 == 0) {
                        c.commit();
                    }
                    if (stored % 5000 == 0) {
                        System.out.printf("stored %d documents (%.0f/s)%n", stored, stored / ((System.nanoTime() - t0) / 1e9));
                    }
                }
            }
            c.commit();
            System.out.printf("documents: %d stored, %d already there%n", stored, skipped);
            topUpConcepts(c, concepts);
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("VACUUM ANALYZE");
            }
        }
    }

    private static List<AnnotationEvent> annotate(Engine engine, Path corpora) throws Exception {
        Map<String, PubTatorDocument> abstracts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(corpora)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(".*(PubTator.*|_corpus\\.txt)"))
                    .sorted().toList()) {
                for (PubTatorDocument d : PubTatorReader.read(file)) {
                    abstracts.putIfAbsent(d.id(), d);
                }
            }
        }
        if (abstracts.isEmpty()) {
            throw new IllegalStateException("no PubTator abstracts under " + corpora.toAbsolutePath());
        }
        long t0 = System.nanoTime();
        List<AnnotationEvent> events = abstracts.values().parallelStream()
                .map(d -> SeedEvents.annotate(engine, "PMID:" + d.id(), d.title(),
                        d.abstractText() == null ? "" : d.abstractText(), "bench", null))
                .toList();
        System.out.printf("annotated %d abstracts in %.1f s (%s, vocabulary %s)%n", events.size(),
                (System.nanoTime() - t0) / 1e9, engine.engineVersion(), engine.vocabularyVersion());
        return events;
    }

    private static AnnotationEvent withId(AnnotationEvent e, String id) {
        return new AnnotationEvent(e.schemaVersion(), e.eventId(), id, e.documentVersion(), e.occurredAt(), e.engine(),
                e.document(), e.sentences(), e.concepts(), e.mentions(), e.relations());
    }

    /** Synthetic concepts "word word" (words taken from stored names), each in 1-3 documents. */
    private static void topUpConcepts(Connection c, int target) throws Exception {
        long have;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM concept")) {
            rs.next();
            have = rs.getLong(1);
        }
        long missing = target - have;
        if (missing > 0) {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TEMP TABLE bench_words AS
                        SELECT row_number() OVER (ORDER BY word) AS n, word
                        FROM (SELECT DISTINCT word FROM concept_word WHERE length(word) >= 3 AND word ~ '^[a-z]') w
                        """);
                s.execute("""
                        INSERT INTO concept (id, type, name, document_count, mention_count)
                        SELECT 'BENCH:' || i, (ARRAY['GeneOrGeneProduct','ChemicalEntity','DiseaseOrPhenotypicFeature',
                                                     'OrganismTaxon','CellLine'])[1 + i %% 5],
                               a.word || ' ' || b.word || CASE WHEN i %% 3 = 0 THEN ' ' || (i %% 97) ELSE '' END,
                               1 + (i %% 3), 1 + (i %% 7)
                        FROM generate_series(1, %d) i,
                             LATERAL (SELECT word FROM bench_words WHERE n = 1 + (hashint4(i) & 2147483647) %% (SELECT count(*) FROM bench_words)) a,
                             LATERAL (SELECT word FROM bench_words WHERE n = 1 + (hashint4(i + 7919) & 2147483647) %% (SELECT count(*) FROM bench_words)) b
                        ON CONFLICT (id) DO NOTHING
                        """.formatted(missing));
                s.execute("""
                        INSERT INTO concept_name (concept_id, name_lower, name, preferred, mention_count)
                        SELECT id, lower(name), name, true, mention_count FROM concept WHERE id LIKE 'BENCH:%'
                        ON CONFLICT DO NOTHING
                        """);
            }
            c.commit();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT count(*) FROM concept), (SELECT count(*) FROM concept_name), (SELECT count(*) FROM document)")) {
            rs.next();
            System.out.printf("concepts: %d, names: %d, documents: %d%n", rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    /** A DataSource that hands out one connection and ignores close(), so the writer's calls share a transaction. */
    private static DataSource sameConnection(Connection c) {
        Connection shared = (Connection) Proxy.newProxyInstance(BenchLoader.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) ->
                        method.getName().equals("close") ? null : method.invoke(c, args));
        return (DataSource) Proxy.newProxyInstance(BenchLoader.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> shared;
                    case "getLogWriter" -> new PrintWriter(System.err);
                    default -> null;
                });
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opt;
    }
}
