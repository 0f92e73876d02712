package io.litgraph.query.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A page of a document search. {@code facets}: the most frequent concepts per entity type among the
 * best {@code facetSample} matching documents (not only this page).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPage(List<DocumentSummary> items, int limit, String nextCursor,
                         Map<String, List<Facet>> facets, Integer facetSample) {

    public record Facet(String id, String name, int documentCount) {
    }
}
