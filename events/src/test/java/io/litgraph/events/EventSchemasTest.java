package io.litgraph.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON Schemas published in docs/EVENTS.md must accept what the producers actually write. */
class EventSchemasTest {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix("https://litgraph.io/schemas/",
                    "classpath:io/litgraph/events/schemas/")));

    static final DocumentPayload DOCUMENT = new DocumentPayload("IL-6 and insulin resistance",
            List.of(new PassagePayload("title", 0, "IL-6 and insulin resistance"),
                    new PassagePayload("abstract", 28, "Interleukin-6 impairs insulin signalling in mice.")),
            "upload", null, "2023-09-18", List.of("A. Author"), List.of("diabetes"), Map.of("pmid", "123"));

    private static Set<ValidationMessage> validate(String schema, Object event) {
        JsonSchema s = FACTORY.getSchema(SchemaLocation.of("https://litgraph.io/schemas/" + schema),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        JsonNode json = EventJson.mapper().valueToTree(event);
        return s.validate(json);
    }

    @Test
    void documentEventMatchesItsSchema() {
        DocumentEvent event = new DocumentEvent(1, "e-1", "doc-1", 1, Instant.now(), "a".repeat(64), DOCUMENT);
        assertTrue(validate("document-event.v1.json", event).isEmpty(), () -> validate("document-event.v1.json", event).toString());
    }

    @Test
    void annotationEventMatchesItsSchema() {
        var span = new AnnotationEvent.SpanPayload(28, 41, "Interleukin-6");
        AnnotationEvent event = new AnnotationEvent(1, "e-2", "doc-1", 1, Instant.now(),
                new AnnotationEvent.EngineInfo("litgraph-nlp", "0.1.0", "2026-11"), DOCUMENT,
                List.of(new AnnotationEvent.SpanPayload(0, 27, null), new AnnotationEvent.SpanPayload(28, 77, null)),
                List.of(new AnnotationEvent.ConceptPayload("NCBIGene:3569", "GeneOrGeneProduct", "interleukin 6", List.of()),
                        new AnnotationEvent.ConceptPayload("MESH:D007333", "DiseaseOrPhenotypicFeature", "Insulin Resistance", List.of())),
                List.of(new AnnotationEvent.MentionPayload(28, 41, "Interleukin-6", "GeneOrGeneProduct", "NCBIGene:3569", false, false),
                        new AnnotationEvent.MentionPayload(70, 74, "mice", "OrganismTaxon", null, false, false)),
                List.of(new AnnotationEvent.RelationPayload("Positive_Correlation", "NCBIGene:3569", "MESH:D007333", true,
                        new AnnotationEvent.SpanPayload(42, 49, "impairs"), new AnnotationEvent.SpanPayload(28, 77, null),
                        span, new AnnotationEvent.SpanPayload(50, 68, "insulin signalling"), false, false, 0.7)));
        Set<ValidationMessage> errors = validate("annotation-event.v1.json", event);
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void statusAndDeadLetterEventsMatchTheirSchemas() {
        var status = new DocumentStatusEvent(1, "e-3", "doc-1", 1, Instant.now(), "query-service",
                DocumentStatusEvent.Stage.INDEXED, "12 mentions");
        var dead = new DeadLetterEvent(1, "e-4", Instant.now(), "entity-service", Topics.DOCUMENTS, 0, 42L, "doc-1",
                "{not json", "com.fasterxml.jackson.core.JsonParseException", "Unexpected character");
        assertTrue(validate("document-status-event.v1.json", status).isEmpty());
        assertTrue(validate("dead-letter-event.v1.json", dead).isEmpty());
    }

    @Test
    void schemaRejectsAnEventWithoutItsKeyFields() {
        DocumentEvent event = new DocumentEvent(1, "e-1", "doc-1", 1, Instant.now(), "a".repeat(64), DOCUMENT);
        ObjectNode json = EventJson.mapper().valueToTree(event);
        json.remove("documentId");
        JsonSchema s = FACTORY.getSchema(SchemaLocation.of("https://litgraph.io/schemas/document-event.v1.json"));
        assertFalse(s.validate(json).isEmpty());
        json.put("documentId", "doc-1");
        json.put("contentHash", "not-a-hash");
        assertFalse(s.validate(json).isEmpty());
    }
}
