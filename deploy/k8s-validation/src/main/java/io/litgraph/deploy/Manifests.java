package io.litgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;

/** A rendered overlay: every object in it, parsed once. */
public final class Manifests {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private final List<Manifest> all;

    private Manifests(List<Manifest> all) {
        this.all = List.copyOf(all);
    }

    /** Parses multi-document YAML; every document must be a Kubernetes object with apiVersion and kind. */
    public static Manifests parse(String yaml) {
        List<Manifest> parsed = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNextValue()) {
                JsonNode tree = documents.nextValue();
                if (tree == null || tree.isNull() || tree.isEmpty()) {
                    continue;
                }
                if (!tree.hasNonNull("apiVersion") || !tree.hasNonNull("kind")) {
                    throw new IllegalArgumentException("not a Kubernetes object: " + tree);
                }
                HasMetadata object = KUBERNETES.unmarshal(YAML.writeValueAsString(tree), HasMetadata.class);
                parsed.add(new Manifest(tree, object));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(parsed);
    }

    public List<Manifest> all() {
        return all;
    }

    public Stream<Manifest> ofKind(String kind) {
        return all.stream().filter(m -> m.is(kind));
    }

    /** The model objects of one kind, typed (e.g. {@code Deployment.class}). */
    public <T extends HasMetadata> List<T> objects(Class<T> type) {
        return all.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
    }

    public Optional<Manifest> find(String kind, String name) {
        return ofKind(kind).filter(m -> m.name().equals(name)).findFirst();
    }

    public Manifest get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new NoSuchElementException("no " + kind + "/" + name + " in the render"));
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return objects(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }
}
