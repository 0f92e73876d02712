package io.litgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One rendered object, both as the raw tree (what the schemas validate, unknown fields included) and as
 * the fabric8 model object (what the structural checks read).
 */
public record Manifest(JsonNode tree, HasMetadata object) {

    public String apiVersion() {
        return tree.path("apiVersion").asText();
    }

    public String kind() {
        return tree.path("kind").asText();
    }

    public String name() {
        return tree.path("metadata").path("name").asText();
    }

    /** {@code kind/name}, for messages. */
    public String id() {
        return kind() + "/" + name();
    }

    public boolean is(String kind) {
        return kind().equals(kind);
    }
}
