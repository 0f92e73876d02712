package io.litgraph.query.model;

import java.util.List;

/**
 * Neighbours of one concept; {@code corpusDocuments} is the N the association scores are computed against,
 * {@code minBelief} the least relation belief shown.
 */
public record NeighborPage(String conceptId, int corpusDocuments, double minBelief, List<Neighbor> items, int limit) {
}
