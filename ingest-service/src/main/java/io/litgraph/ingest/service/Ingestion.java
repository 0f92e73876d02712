package io.litgraph.ingest.service;

import io.litgraph.ingest.format.Format;
import io.litgraph.ingest.format.ParsedBody;
import io.litgraph.ingest.format.ParsedDocument;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Settles and stores parsed documents. Each document is its own transaction, so one bad document in a
 * set or a batch never takes the others down with it.
 */
@ApplicationScoped
public class Ingestion {
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

    /** Every document of a body; problems are collected per document. */
    public List<ItemOutcome> submitAll(ParsedBody body, int firstPosition) {
        List<ItemOutcome> outcomes = new ArrayList<>(body.documents().size());
        int position = firstPosition;
        for (ParsedDocument doc : body.documents()) {
            outcomes.add(submitOne(doc, body.format(), position++));
        }
        return outcomes;
    }

    public ItemOutcome submitOne(ParsedDocument doc, Format format, int position) {
        try {
            Submission submission = submit(doc, format);
            return new ItemOutcome(position, submission.id(), submission, null);
        } catch (ProblemException e) {
            return new ItemOutcome(position, doc.id, null, e);
        }
    }
}
