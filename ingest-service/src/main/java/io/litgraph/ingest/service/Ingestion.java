package io.litgraph.ingest.service;

import io.litgraph.ingest.format.Format;
import io.litgraph.ingest.format.ParsedBody;
import io.litgraph.ingest.format.ParsedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Settles and stores parsed documents. Documents that fail validation are reported one by one and never
 * touch the database; valid ones of a multi-document request are stored in chunks (one transaction per
 * chunk, for throughput). Should a chunk's transaction fail, its documents are retried one transaction
 * each, so one bad document never takes the others down with it.
 */
@ApplicationScoped
public class Ingestion {
    private static final Logger LOG = Logger.getLogger(Ingestion.class);
    static final int CHUNK = 100;
    /** A chunk also ends at this much text, so a batch of large documents is not held in memory at once. */
    static final long CHUNK_CHARS = 4_000_000;

    private final DocumentAssembler assembler;
    private final DocumentService documents;

    public Ingestion(DocumentAssembler assembler, DocumentService documents) {
        this.assembler = assembler;
        this.documents = documents;
    }

    /** One document; problems are thrown. */
    public Submission submit(ParsedDocument doc, Format format) {
        AssembledDocument assembled = assembler.assemble(doc);
        return documents.submit(assembled, format, List.copyOf(doc.warnings));
    }

    /** Every document of a body, numbered from {@code firstPosition}; problems are collected per document. */
    public List<ItemOutcome> submitAll(ParsedBody body, int firstPosition) {
        Chunk chunk = new Chunk(body.format());
        int position = firstPosition;
        for (ParsedDocument doc : body.documents()) {
            chunk.add(doc, position++);
        }
        return chunk.flush();
    }

    /** Collects the documents of a stream (e.g. NDJSON lines) and stores them a chunk at a time. */
    public Chunk chunk(Format format) {
        return new Chunk(format);
    }

    public final class Chunk {
        private record Pending(int slot, int position, String id, AssembledDocument doc, List<String> warnings) {
        }

        private final Format format;
        private final List<ItemOutcome> outcomes = new ArrayList<>();
        private final List<Pending> pending = new ArrayList<>();
        private long pendingChars;

        private Chunk(Format format) {
            this.format = format;
        }

        public void add(ParsedDocument doc, int position) {
            try {
                AssembledDocument assembled = assembler.assemble(doc);
                outcomes.add(null); // filled in when the chunk is stored
                pending.add(new Pending(outcomes.size() - 1, position, doc.id, assembled, List.copyOf(doc.warnings)));
                pendingChars += assembled.payload().passages().stream().mapToLong(p -> p.text().length()).sum();
            } catch (ProblemException e) {
                outcomes.add(new ItemOutcome(position, doc.id, null, e));
            }
            if (pending.size() >= CHUNK || pendingChars >= CHUNK_CHARS) {
                store();
            }
        }

        public void reject(int position, String id, ProblemException problem) {
            outcomes.add(new ItemOutcome(position, id, null, problem));
        }

        public List<ItemOutcome> flush() {
            store();
            return outcomes;
        }

        private void store() {
            if (pending.isEmpty()) {
                return;
            }
            List<Submission> stored = null;
            try {
                stored = documents.submitAll(pending.stream().map(Pending::doc).toList(), format,
                        pending.stream().map(Pending::warnings).toList());
            } catch (RuntimeException e) {
                LOG.warnf("storing a chunk of %d documents failed (%s); storing them one by one", pending.size(), e.toString());
            }
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                Submission s = stored != null ? stored.get(i) : null;
                outcomes.set(p.slot(), s != null ? new ItemOutcome(p.position(), s.id(), s, null) : storeAlone(p));
            }
            pending.clear();
            pendingChars = 0;
        }

        private ItemOutcome storeAlone(Pending p) {
            try {
                Submission s = documents.submit(p.doc(), format, p.warnings());
                return new ItemOutcome(p.position(), s.id(), s, null);
            } catch (ProblemException e) {
                return new ItemOutcome(p.position(), p.id(), null, e);
            }
        }
    }
}
