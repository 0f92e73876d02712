package io.litgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The schemas rendered objects are validated against, keyed by {@code apiVersion} and {@code kind}:
 * <ul>
 *   <li>core kinds: the standalone-strict JSON schemas generated from the Kubernetes OpenAPI document
 *       (file names as in yannh/kubernetes-json-schema: {@code <kind>-<group>-<version>.json}, the core group
 *       without a group part), which already reject unknown fields;</li>
 *   <li>custom resources: {@code spec.versions[].schema.openAPIV3Schema} of the operators' CRDs. A CRD
 *       schema does not forbid unknown fields (the API server prunes them, and {@code kubectl apply}
 *       rejects them with its default strict field validation), so every object that lists
 *       {@code properties} and does not preserve unknown fields is made closed here, to the same effect.</li>
 * </ul>
 * Both are validated as draft-04, the dialect OpenAPI v3.0 schemas and the generated files are close to.
 */
public final class SchemaCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private final Path coreSchemas;
    private final Map<String, JsonSchema> byType = new HashMap<>();

    private SchemaCatalog(Path coreSchemas) {
        this.coreSchemas = coreSchemas;
    }

    /**
     * @param k8sFormats the {@code k8s} directory of the shared formats: {@code schemas/<version>-standalone-strict}
     *                   and {@code crds/<operator>/*.yaml}
     */
    public static SchemaCatalog load(Path k8sFormats, String kubernetesVersion) {
        SchemaCatalog catalog = new SchemaCatalog(k8sFormats.resolve("schemas").resolve(kubernetesVersion + "-standalone-strict"));
        try (Stream<Path> files = Files.walk(k8sFormats.resolve("crds"))) {
            for (Path crd : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                catalog.addCrd(YAML.readTree(crd.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return catalog;
    }

    private void addCrd(JsonNode crd) {
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (schema.isMissingNode()) {
                continue;
            }
            JsonNode strict = closeObjects(schema.deepCopy());
            byType.put(key(group + "/" + version.path("name").asText(), kind), FACTORY.getSchema(strict));
        }
    }

    /** The schema for an object's type, if the catalog has one. */
    public Optional<JsonSchema> schemaFor(String apiVersion, String kind) {
        String key = key(apiVersion, kind);
        JsonSchema known = byType.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Path file = coreSchemas.resolve(coreFileName(apiVersion, kind));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(file.toFile());
            // "http://json-schema.org/schema#" names no particular draft; the factory's draft-04 applies
            schema.remove("$schema");
            JsonSchema loaded = FACTORY.getSchema(schema);
            byType.put(key, loaded);
            return Optional.of(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validation messages for one object; empty when it is valid. Throws if no schema is known. */
    public List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        JsonSchema schema = schemaFor(apiVersion, kind)
                .orElseThrow(() -> new IllegalArgumentException("no schema for " + apiVersion + " " + kind));
        return schema.validate(object).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** {@code apps/v1 Deployment} → {@code deployment-apps-v1.json}; {@code v1 Service} → {@code service-v1.json}. */
    static String coreFileName(String apiVersion, String kind) {
        String lowerKind = kind.toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return lowerKind + "-" + apiVersion + ".json";
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        String firstLabel = group.split("\\.")[0];
        return lowerKind + "-" + firstLabel + "-" + version + ".json";
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    /**
     * Adds {@code additionalProperties: false} to every schema in a CRD schema tree that lists properties
     * and keeps no unknown fields. Walks schema positions only (properties, items, additionalProperties,
     * the combinators), so a field that happens to be called "properties" is not mistaken for a keyword.
     */
    static JsonNode closeObjects(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode object = (ObjectNode) schema;
        boolean preserves = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (object.has("properties") && !object.has("additionalProperties") && !preserves) {
            object.put("additionalProperties", false);
        }
        object.path("properties").elements().forEachRemaining(SchemaCatalog::closeObjects);
        JsonNode items = object.path("items");
        if (items.isArray()) {
            items.forEach(SchemaCatalog::closeObjects);
        } else {
            closeObjects(items);
        }
        closeObjects(object.path("additionalProperties"));
        closeObjects(object.path("not"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            object.path(combinator).forEach(SchemaCatalog::closeObjects);
        }
        return schema;
    }
}
