package io.litgraph.query.model;

import java.util.List;

/** Neighbours of one concept; {@code corpusDocuments} is the N the association scores are computed against. */
public record NeighborPage(String conceptId, int corpusDocuments, List<Neighbor> items, int limit) {
}
