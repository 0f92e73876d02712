package io.litgraph.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Biolink Model 4.4.4 file, its prefix map and the KGX spec from ../shared/formats/biolink (override with
 * -Dlitgraph.formats=DIR), read at test time. A missing file fails the test: the export is only checked when
 * the model is there to check it against.
 */
public final class BiolinkModel {
    private static BiolinkModel loaded;

    private final JsonNode classes;
    private final JsonNode slots;
    private final JsonNode enums;
    private final Set<String> prefixes = new HashSet<>();
    public final String kgxSpec;

    private BiolinkModel(Path dir) throws IOException {
        Path model = dir.resolve("biolink_model.yaml");
        Path prefixMap = dir.resolve("biolink-model-prefix-map.json");
        Path kgx = dir.resolve("kgx_format.md");
        for (Path p : new Path[]{model, prefixMap, kgx}) {
            assertTrue(Files.isRegularFile(p), "missing " + p.toAbsolutePath() + ": the export cannot be checked without it");
        }
        JsonNode root = new YAMLMapper().readTree(model.toFile());
        classes = root.get("classes");
        slots = root.get("slots");
        enums = root.get("enums");
        new ObjectMapper().readTree(prefixMap.toFile()).fieldNames().forEachRemaining(prefixes::add);
        kgxSpec = Files.readString(kgx);
    }

    public static synchronized BiolinkModel load() {
        if (loaded == null) {
            try {
                loaded = new BiolinkModel(Path.of(System.getProperty("litgraph.formats", "../../shared/formats"), "biolink"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    public String version() {
        return "4.4.4";
    }

    /** biolink:DiseaseOrPhenotypicFeature names a concrete (not mixin, not abstract, not deprecated) class under named thing. */
    public boolean isCategory(String curie) {
        String name = className(curie);
        return name != null && concrete(classes.get(name)) && descends(classes, name, "named thing");
    }

    /** biolink:related_to and the predicates under it, concrete (not mixin, not abstract, not deprecated). */
    public boolean isPredicate(String curie) {
        String name = slotName(curie);
        return name != null && concrete(slots.get(name)) && descends(slots, name, "related to");
    }

    /** a property (slot) of the model by its KGX name, e.g. primary_knowledge_source */
    public boolean isSlot(String property) {
        return slots.has(property.replace('_', ' '));
    }

    public boolean enumHas(String enumName, String value) {
        JsonNode values = enums.path(enumName).path("permissible_values");
        return values.has(value);
    }

    public boolean hasPrefix(String curie) {
        int colon = curie.indexOf(':');
        return colon > 0 && prefixes.contains(curie.substring(0, colon));
    }

    private static boolean concrete(JsonNode element) {
        return element != null && !element.path("mixin").asBoolean(false) && !element.path("abstract").asBoolean(false)
                && !element.has("deprecated");
    }

    private static boolean descends(JsonNode elements, String name, String ancestor) {
        Set<String> seen = new HashSet<>();
        String at = name;
        while (at != null && seen.add(at)) {
            if (at.equals(ancestor)) {
                return true;
            }
            JsonNode element = elements.get(at);
            at = element == null || !element.hasNonNull("is_a") ? null : element.get("is_a").asText();
        }
        return false;
    }

    /** biolink:DiseaseOrPhenotypicFeature → the class whose CamelCase form it is */
    private String className(String curie) {
        if (curie == null || !curie.startsWith("biolink:")) {
            return null;
        }
        String local = curie.substring("biolink:".length());
        for (Iterator<Map.Entry<String, JsonNode>> it = classes.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (camel(name).equals(local)) {
                return name;
            }
        }
        return null;
    }

    private static String slotName(String curie) {
        return curie == null || !curie.startsWith("biolink:") ? null : curie.substring("biolink:".length()).replace('_', ' ');
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split(" ")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
