package io.litgraph.query.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Neighbours of one concept; {@code corpusDocuments} is the N the association scores are computed against,
 * {@code minBelief} the least relation belief shown, {@code nextCursor} (absent on the last page) continues
 * the list.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeighborPage(String conceptId, int corpusDocuments, double minBelief, List<Neighbor> items, int limit,
                           String nextCursor) {
}
