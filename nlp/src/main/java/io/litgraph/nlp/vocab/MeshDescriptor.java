package io.litgraph.nlp.vocab;

import io.litgraph.nlp.EntityType;

import java.util.List;

/**
 * A MeSH descriptor as the loaders read it (TSV or NLM XML): UI, preferred name, entry terms, tree numbers.
 * {@link #type()} maps the tree numbers to an entity type (null when the descriptor is outside the branches the
 * engine annotates).
 */
public record MeshDescriptor(String ui, String name, List<String> entryTerms, List<String> treeNumbers) {

    /**
     * Tree branches → types. Diseases: C (all), F03 (mental disorders). Chemicals: D except D08 (enzymes) and
     * D12.776 (proteins), which are gene products the gene vocabulary names, and D26/D27 (pharmaceutical
     * preparations, pharmacologic actions), whose entries are drug classes. Cells A11 → CellType; other anatomy
     * A01-A10, A12-A17 → AnatomicalEntity. Behaviour F01 → Behavior. Everything else: null.
     */
    public EntityType type() {
        EntityType best = null;
        boolean protein = treeNumbers.stream().anyMatch(MeshDescriptor::proteinOrEnzyme);
        for (String t : treeNumbers) {
            if (protein && t.startsWith("D")) {
                continue; // thrombin, myosin, troponin I: also filed under other D branches, but still proteins
            }
            EntityType e = typeOf(t);
            if (e == null) {
                continue;
            }
            if (best == null || rank(e) < rank(best)) {
                best = e;
            }
        }
        return best;
    }

    private static int rank(EntityType t) {
        return switch (t) {
            case DiseaseOrPhenotypicFeature -> 0;
            case ChemicalEntity -> 1;
            case CellType -> 2;
            case Behavior -> 3;
            default -> 4;
        };
    }

    private static boolean proteinOrEnzyme(String tree) {
        return tree.startsWith("D08.811") || tree.startsWith("D12.776");
    }

    static EntityType typeOf(String tree) {
        if (tree.startsWith("C") || tree.startsWith("F03")) {
            return EntityType.DiseaseOrPhenotypicFeature;
        }
        if (tree.startsWith("D")) {
            if (tree.startsWith("D08") || tree.startsWith("D12.776") || tree.startsWith("D26") || tree.startsWith("D27")) {
                return null;
            }
            return EntityType.ChemicalEntity;
        }
        if (tree.startsWith("A11")) {
            return EntityType.CellType;
        }
        if (tree.startsWith("A") && !tree.startsWith("A18") && !tree.startsWith("A19")) {
            return EntityType.AnatomicalEntity;
        }
        if (tree.startsWith("F01")) {
            return EntityType.Behavior;
        }
        return null;
    }
}
