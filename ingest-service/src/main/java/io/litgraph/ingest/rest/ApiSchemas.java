package io.litgraph.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * Shapes that ingest-service reads or writes as JSON trees or maps (the parsers and {@link Problems}), described
 * here for the contract only.
 */
final class ApiSchemas {
    private ApiSchemas() {
    }

    @Schema(name = "Problem", description = "RFC 7807 problem details (application/problem+json); some problems add "
            + "members such as line and column (malformed bodies), limit, or incident",
            requiredProperties = {"type", "title", "status"}, additionalProperties = Object.class)
    record Problem(@Schema(example = "https://litgraph.io/problems/empty-text") String type,
                   @Schema(example = "Document has no text") String title,
                   @Schema(example = "422") int status,
                   @Schema(example = "a JSON document needs 'text' or 'sections'") String detail,
                   @Schema(description = "the request path", example = "/api/documents") String instance) {
    }

    @Schema(name = "DocumentInput", description = "A document as JSON (application/json). Needs text or sections; "
            + "unknown fields are ignored and reported in warnings. A BioC JSON collection or a PubTator3 JSON export "
            + "is accepted at the same media type and answered with a SubmissionList.")
    record DocumentInput(
            @Schema(description = "your id; default: derived from the content", example = "pmid-31234567") String id,
            @Schema(example = "IL-6 and insulin resistance") String title,
            @Schema(description = "the body text", example = "Interleukin-6 promotes insulin resistance in adipose tissue.") String text,
            @Schema(description = "the body as titled sections, instead of or after text") List<Section> sections,
            @Schema(description = "where the document comes from", example = "pubmed") String source,
            @Schema(example = "https://pubmed.ncbi.nlm.nih.gov/31234567/") String url,
            @Schema(description = "publication date (yyyy, yyyy-MM or yyyy-MM-dd)", example = "2019-06-01") String published,
            List<String> authors,
            List<String> tags,
            @Schema(type = SchemaType.OBJECT, description = "free-form metadata, stored and published as given")
            Map<String, Object> metadata) {
    }

    @Schema(name = "Section", requiredProperties = "text")
    record Section(@Schema(example = "Results") String title,
                   @Schema(example = "IL-6 levels were raised.") String text) {
    }
}
