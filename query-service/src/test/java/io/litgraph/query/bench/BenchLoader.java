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
import java.util.stream.Stream;

/**
 * Bench-only loader (not part of the test suite): annotates the abstracts of ../shared/corpora with
 * the engine at run time, then stores them through query-service's own {@link AnnotationWriter} (the
 * code path the consumer uses, minus Kafka), then repeats the corpus under new ids ({@code <pmid>-r<k>})
 * with SQL until at least {@code --documents} are stored (see {@link #replicate}). Then tops the concept table up to {@code --concepts} with
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
            for (int from = 0; from < corpus.size(); from += 50) {
                List<AnnotationEvent> batch = corpus.subList(from, Math.min(corpus.size(), from + 50));
                var present = writer.lockStoredVersions(batch.stream().map(AnnotationEvent::documentId).toList());
                List<AnnotationEvent> missing = batch.stream().filter(e -> !present.containsKey(e.documentId())).toList();
                writer.replace(missing, List.of());
                stored += missing.size();
                c.commit();
            }
            System.out.printf("stored %d abstracts through AnnotationWriter in %.1f s%n", stored,
                    (System.nanoTime() - t0) / 1e9);
            int copies = (documents + corpus.size() - 1) / corpus.size();
            replicate(c, copies);
            topUpConcepts(c, concepts);
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("VACUUM ANALYZE");
            }
        }
    }

    /**
     * Adds copies 1..n-1 of every stored abstract as {@code <id>-r<k>} with SQL, and multiplies the
     * aggregates by n: identical copies contribute exactly what the original does, so this gives the
     * same tables as storing each copy through the writer, in a fraction of the time.
     */
    private static void replicate(Connection c, int copies) throws Exception {
        if (copies <= 1) {
            return;
        }
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            for (int k = 1; k < copies; k++) {
                String suffix = "'-r" + k + "'";
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM document WHERE id = (SELECT min(id) FROM document "
                        + "WHERE id NOT LIKE '%-r%') || " + suffix)) {
                    if (rs.next()) {
                        continue; // stored by an earlier, interrupted run (each copy commits as a whole)
                    }
                }
                s.execute("""
                        INSERT INTO document (id, version, title, text, passages, source, url, published, published_on,
                            authors, tags, metadata, engine_name, engine_version, vocabulary_version, event_id,
                            event_time, mention_count, relation_count)
                        SELECT id || SUFFIX, version, title, text, passages, source, url, published, published_on,
                            authors, tags, metadata, engine_name, engine_version, vocabulary_version, event_id,
                            event_time, mention_count, relation_count
                        FROM document WHERE id NOT LIKE '%-r%'
                        """.replace("SUFFIX", suffix));
                s.execute("""
                        INSERT INTO sentence SELECT document_id || SUFFIX, idx, start_offset, end_offset, text
                        FROM sentence WHERE document_id NOT LIKE '%-r%'
                        """.replace("SUFFIX", suffix));
                s.execute("""
                        INSERT INTO mention SELECT document_id || SUFFIX, idx, start_offset, end_offset, text, type,
                            concept_id, negated, speculative
                        FROM mention WHERE document_id NOT LIKE '%-r%'
                        """.replace("SUFFIX", suffix));
                s.execute("""
                        INSERT INTO relation SELECT document_id || SUFFIX, idx, type, subject_id, object_id, directed,
                            trigger_start, trigger_end, trigger_text, sentence_start, sentence_end, sentence_text,
                            subject_start, subject_end, subject_text, object_start, object_end, object_text,
                            negated, speculative, confidence
                        FROM relation WHERE document_id NOT LIKE '%-r%'
                        """.replace("SUFFIX", suffix));
                c.commit();
                if (k % 5 == 0) {
                    System.out.printf("copy %d of %d (%.0f s)%n", k, copies - 1, (System.nanoTime() - t0) / 1e9);
                }
            }
            // the aggregates are multiplied once; a rerun after that must not do it again
            if (scaled(c)) {
                System.out.println("aggregates already scaled");
                return;
            }
            s.execute("UPDATE concept SET document_count = document_count * " + copies
                    + ", mention_count = mention_count * " + copies);
            s.execute("UPDATE concept_name SET mention_count = mention_count * " + copies);
            s.execute("UPDATE concept_cooccurrence SET document_count = document_count * " + copies);
            s.execute("UPDATE relation_summary SET document_count = document_count * " + copies
                    + ", evidence_count = evidence_count * " + copies
                    + ", negated_document_count = negated_document_count * " + copies
                    + ", negated_evidence_count = negated_evidence_count * " + copies);
            c.commit();
        }
        System.out.printf("replicated to %d copies in %.1f s%n", copies, (System.nanoTime() - t0) / 1e9);
    }

    /** Whether the aggregates already count the copies: a concept's count equals its mentioning documents. */
    private static boolean scaled(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.document_count, (SELECT count(DISTINCT document_id) FROM mention m WHERE m.concept_id = c.id)
                FROM concept c WHERE c.document_count > 0 ORDER BY c.id LIMIT 1
                """)) {
            return rs.next() && rs.getLong(1) == rs.getLong(2);
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
