package io.litgraph.nlp.vocab;

import io.litgraph.nlp.EntityType;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which id of a merged concept is primary, and which type a merged concept has.
 *
 * <p>Primary-id policy, by type: chemicals use ChEBI when the concept has a ChEBI id (the chemical ontology),
 * else MeSH; diseases use MeSH (the id the field's disease corpora use), then DOID, HP; genes NCBIGene; cells
 * CL; anatomy UBERON; processes GO; behaviours MeSH; species NCBITaxon. Every other id stays an xref, and
 * {@link #project(io.litgraph.nlp.Concept, String)} re-expresses a concept in the namespace a consumer wants
 * (the evaluator asks for MESH for chemicals, because the chemical corpora are MeSH-annotated).
 */
public final class IdPolicy {

    private IdPolicy() {
    }

    static List<String> order(EntityType type) {
        return switch (type) {
            case ChemicalEntity -> List.of("CHEBI", "MESH", "PUBCHEM.COMPOUND");
            case DiseaseOrPhenotypicFeature -> List.of("MESH", "DOID", "HP", "OMIM");
            case GeneOrGeneProduct -> List.of("NCBIGene", "HGNC", "MESH");
            case CellType -> List.of("CL", "MESH");
            case AnatomicalEntity -> List.of("UBERON", "MESH");
            case BiologicalProcess -> List.of("GO", "MESH");
            case Behavior -> List.of("MESH", "GO");
            case OrganismTaxon -> List.of("NCBITaxon", "MESH");
            default -> List.of("MESH");
        };
    }

    static String primary(EntityType type, Collection<String> members, Set<String> defined) {
        for (String prefix : order(type)) {
            for (String m : members) {
                if (m.startsWith(prefix + ":") && defined.contains(m)) {
                    return m;
                }
            }
        }
        for (String m : members) {
            if (defined.contains(m)) {
                return m;
            }
        }
        return members.iterator().next();
    }

    /** The concept's id in {@code prefix}'s namespace (primary or xref), or the primary id when it has none. */
    public static String project(io.litgraph.nlp.Concept concept, String prefix) {
        if (concept.id().startsWith(prefix + ":")) {
            return concept.id();
        }
        for (String x : concept.xrefs()) {
            if (x.startsWith(prefix + ":")) {
                return x;
            }
        }
        return concept.id();
    }
}
