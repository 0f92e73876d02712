package io.litgraph.nlp.relate;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Mention;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a concept is specific enough to be a node of the graph. The measure is document frequency: a
 * behaviour, biological process, cell type or anatomical concept that the engine finds in at least
 * {@value #GENERIC_SHARE} of the training abstracts (BioRED and BC5CDR train; a share the trainer computes and
 * stores in the model) is a general class or an ordinary word read as a concept ("development", "regulation",
 * "signaling", the verb "affect"): it stays a mention and is never a relation end. Genes, chemicals, diseases and
 * variants are left to the learned model, whose training labels already say which of them BioRED relates.
 */
public final class Specificity {

    /** Share of training documents from which a concept of a context type counts as generic. */
    public static final double GENERIC_SHARE = 0.01;

    private Specificity() {
    }

    /** Types whose generic members are filtered by document frequency. */
    public static boolean contextType(EntityType t) {
        return t == EntityType.Behavior || t == EntityType.BiologicalProcess || t == EntityType.CellType
                || t == EntityType.AnatomicalEntity;
    }

    /** The concepts found in at least {@link #GENERIC_SHARE} of {@code documents} (document frequencies given). */
    public static java.util.Set<String> generic(java.util.Map<String, Integer> frequency, int documents) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        frequency.forEach((id, df) -> {
            if (df >= GENERIC_SHARE * documents) {
                out.add(id);
            }
        });
        return out;
    }

    /** The mentions whose concepts may be relation ends. */
    static List<Mention> specific(List<Mention> mentions) {
        RelationModel model = RelationModel.shipped();
        if (model == null || model.generic().isEmpty()) {
            return mentions;
        }
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            if (m.conceptId() != null && !model.generic(m.conceptId())) {
                out.add(m);
            }
        }
        return out;
    }
}
