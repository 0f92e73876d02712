package io.litgraph.entity.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.util.List;
import java.util.Map;

/**
 * Shapes of /api/annotate's JSON bodies, for the contract only: the resource reads and writes them with
 * {@code InputReaders} and {@code BioCJsonWriter}, which know the full BioC format.
 */
final class ApiSchemas {
    private ApiSchemas() {
    }

    @Schema(name = "TextInput", description = "One document to annotate", requiredProperties = "text")
    record TextInput(
            @Schema(description = "document id; default: the id query parameter, else 1", example = "doc-1") String id,
            @Schema(description = "title, annotated before the text", example = "IL-6 and insulin resistance") String title,
            @Schema(description = "the text to annotate", example = "Interleukin-6 promotes insulin resistance.") String text) {
    }

    @Schema(name = "BioCCollection", description = "A BioC JSON collection (https://bioc.sourceforge.net/); litgraph "
            + "adds infons such as identifier, type, negated and speculative to each annotation and relation",
            requiredProperties = "documents", properties = {
            @SchemaProperty(name = "documents", minItems = 1, description = "documents with passages, annotations and relations")})
    record BioCCollection(String source, String date, String key, Map<String, String> infons,
                          List<Map<String, Object>> documents) {
    }
}
