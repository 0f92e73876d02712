package io.litgraph.query.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored document with all its annotations. All offsets point into {@code text}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentDetail(String id, int version, String title, String text, List<Passage> passages,
                             Metadata metadata, Engine engine, Instant eventTime, Instant indexedAt,
                             List<Span> sentences, List<MentionView> mentions, List<ConceptView> concepts,
                             List<RelationView> relations) {

    public record Passage(String type, int offset, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String source, String url, String published, List<String> authors, List<String> tags,
                           Map<String, Object> extra) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Engine(String name, String version, String vocabularyVersion) {
    }

    public record MentionView(int start, int end, String text, String type, String conceptId, boolean negated,
                              boolean speculative) {
    }

    /** A concept of the document; {@code mentions} counts its mentions in this document. */
    public record ConceptView(String id, String type, String name, List<String> xrefs, int mentions) {
    }

    /**
     * One relation sentence of the document; {@code belief} and {@code evidenceCount} are its relation's
     * (subject, object, type) over the whole corpus.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelationView(String type, String subjectId, String objectId, boolean directed, Span trigger,
                               Span sentence, Span subject, Span object, boolean negated, boolean speculative,
                               double confidence, double belief, int evidenceCount) {
    }
}
