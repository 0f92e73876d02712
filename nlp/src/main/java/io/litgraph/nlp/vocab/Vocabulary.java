package io.litgraph.nlp.vocab;

import io.litgraph.nlp.Concept;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, versioned vocabulary: concepts (with their cross-references) and the terms that name them.
 * Concepts are addressed by index; {@link #indexOf(String)} also answers for cross-reference ids, so that
 * "MESH:D005947" finds the glucose concept whose primary id is "CHEBI:17234".
 */
public final class Vocabulary {

    private final String version;
    private final List<Concept> concepts;
    private final List<Term> terms;
    private final Map<String, Integer> byId;

    public Vocabulary(String version, List<Concept> concepts, List<Term> terms) {
        this.version = version;
        this.concepts = List.copyOf(concepts);
        this.terms = List.copyOf(terms);
        Map<String, Integer> ids = new HashMap<>(concepts.size() * 3);
        for (int i = 0; i < concepts.size(); i++) {
            Concept c = concepts.get(i);
            for (String x : c.xrefs()) {
                ids.putIfAbsent(x, i);
            }
        }
        for (int i = 0; i < concepts.size(); i++) {
            ids.put(concepts.get(i).id(), i);
        }
        this.byId = ids;
    }

    public String version() {
        return version;
    }

    public List<Concept> concepts() {
        return concepts;
    }

    public List<Term> terms() {
        return terms;
    }

    public Concept concept(int index) {
        return concepts.get(index);
    }

    /** Index of the concept with this primary or cross-reference id, or -1. */
    public int indexOf(String id) {
        Integer i = byId.get(id);
        return i == null ? -1 : i;
    }

    public Concept find(String id) {
        int i = indexOf(id);
        return i < 0 ? null : concepts.get(i);
    }
}
