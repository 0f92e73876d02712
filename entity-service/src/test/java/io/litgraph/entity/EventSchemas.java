package io.litgraph.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.litgraph.events.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validates published records against the JSON Schemas shipped in the events jar. */
public final class EventSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix("https://litgraph.io/schemas/",
                    "classpath:io/litgraph/events/schemas/")));

    private EventSchemas() {
    }

    public static void assertValid(String schema, byte[] value) {
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<ValidationMessage> errors = FACTORY.getSchema(SchemaLocation.of("https://litgraph.io/schemas/" + schema),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build()).validate(json);
        assertTrue(errors.isEmpty(), () -> schema + ": " + errors);
    }
}
