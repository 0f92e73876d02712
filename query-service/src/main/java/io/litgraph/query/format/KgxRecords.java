package io.litgraph.query.format;

import io.litgraph.query.repository.GraphExportQueries.Edge;
import io.litgraph.query.repository.GraphExportQueries.Node;
import io.litgraph.query.service.BiolinkMapping;
import io.litgraph.query.service.Curies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nodes and edges as KGX records (Biolink property names, CURIE values), in a fixed column order so that
 * the TSV form has a fixed header. Properties outside the Biolink Model (allowed by KGX) are
 * {@code equivalent_identifiers}, {@code biored_relation_type}, {@code directed}, {@code document_count}, {@code evidence_count} and
 * {@code belief}.
 */
public final class KgxRecords {
    public static final List<String> NODE_COLUMNS = List.of("id", "category", "name", "xref",
            "equivalent_identifiers", "provided_by");
    public static final List<String> EDGE_COLUMNS = List.of("subject", "predicate", "object", "biored_relation_type",
            "directed", "publications", "document_count", "evidence_count", "belief", "knowledge_level", "agent_type",
            "primary_knowledge_source");

    private KgxRecords() {
    }

    public static Map<String, Object> node(Node node) {
        Map<String, Object> out = new LinkedHashMap<>();
        String id = Curies.concept(node.id());
        out.put("id", id);
        out.put("category", List.of(BiolinkMapping.category(node.type())));
        out.put("name", node.name());
        Set<String> equivalents = new LinkedHashSet<>();
        for (String xref : node.xrefs()) {
            String curie = Curies.concept(xref);
            if (curie != null && !curie.equals(id)) {
                equivalents.add(curie);
            }
        }
        // xref is the Biolink slot KGX names for cross-references; equivalent_identifiers is the Translator
        // node-normalizer shape (the node's own id first) that many KGX consumers merge nodes by
        out.put("xref", List.copyOf(equivalents));
        List<String> equivalent = new ArrayList<>();
        equivalent.add(id);
        equivalent.addAll(equivalents);
        out.put("equivalent_identifiers", equivalent);
        out.put("provided_by", List.of(BiolinkMapping.KNOWLEDGE_SOURCE));
        return out;
    }

    public static Map<String, Object> edge(Edge edge) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", Curies.concept(edge.subjectId()));
        out.put("predicate", BiolinkMapping.predicate(edge.type()));
        out.put("object", Curies.concept(edge.objectId()));
        out.put("biored_relation_type", edge.type());
        out.put("directed", edge.directed());
        out.put("publications", publications(edge.documents()));
        out.put("document_count", edge.documentCount());
        out.put("evidence_count", edge.evidenceCount());
        out.put("belief", edge.belief());
        out.put("knowledge_level", BiolinkMapping.KNOWLEDGE_LEVEL);
        out.put("agent_type", BiolinkMapping.AGENT_TYPE);
        out.put("primary_knowledge_source", BiolinkMapping.KNOWLEDGE_SOURCE);
        return out;
    }

    /** The supporting documents that are publications with a CURIE (PubMed, PMC, DOI); others are counted only. */
    static List<String> publications(List<String> documents) {
        List<String> out = new ArrayList<>();
        for (String document : documents) {
            String curie = Curies.publication(document);
            if (curie != null) {
                out.add(curie);
            }
        }
        return out;
    }
}
