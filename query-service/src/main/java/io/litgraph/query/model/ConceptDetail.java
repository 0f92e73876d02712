package io.litgraph.query.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A concept: names, corpus synonyms (surface forms with their mention counts), cross-references with
 * links, counts, and the concepts it co-occurs with most, per entity type.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConceptDetail(String id, String type, String name, String url, List<Synonym> synonyms,
                            List<Xref> xrefs, int documentCount, int mentionCount,
                            Map<String, List<Related>> related) {

    public record Synonym(String name, int mentionCount, boolean preferred) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Xref(String id, String url) {
    }

    public record Related(String id, String name, int documentCount) {
    }
}
