package io.litgraph.query.rest;

import io.litgraph.query.model.ConceptMatch;
import io.litgraph.query.model.RelationEvidence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Named schemas for the generic {@link io.litgraph.query.model.Page} answers, for the contract only: an
 * annotation cannot name {@code Page<ConceptMatch>}, and a generated client needs one type per page kind.
 * They mirror {@code Page} field for field.
 */
final class ApiSchemas {
    private ApiSchemas() {
    }

    @Schema(name = "ConceptMatchPage", description = "Autocomplete hits, best first", requiredProperties = {"items", "limit"})
    record ConceptMatchPage(List<ConceptMatch> items,
                            @Schema(description = "the effective page size") int limit,
                            @Schema(description = "absent on the last page") String nextCursor) {
    }

    @Schema(name = "RelationEvidencePage", description = "A page of relation evidence, newest documents first",
            requiredProperties = {"items", "limit"})
    record RelationEvidencePage(List<RelationEvidence> items,
                                @Schema(description = "the effective page size") int limit,
                                @Schema(description = "pass back as cursor for the next page; absent on the last page")
                                String nextCursor) {
    }
}
