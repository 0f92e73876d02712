package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;

import java.util.List;

/**
 * The recognizer's tag set: O, and B-/I- for each entity type it is trained on. Label 0 is O; type k has
 * B = 1 + 2k and I = 2 + 2k. An I- tag may only follow the B- or I- tag of its own type.
 */
public final class Labels {

    /** The types the gold corpora annotate with enough examples to learn from. */
    public static final List<EntityType> TYPES = List.of(EntityType.GeneOrGeneProduct,
            EntityType.DiseaseOrPhenotypicFeature, EntityType.ChemicalEntity, EntityType.OrganismTaxon,
            EntityType.CellLine, EntityType.SequenceVariant);

    public static final int O = 0;
    public static final int COUNT = 1 + 2 * TYPES.size();

    private Labels() {
    }

    public static int begin(int type) {
        return 1 + 2 * type;
    }

    public static int inside(int type) {
        return 2 + 2 * type;
    }

    /** The type index of a B- or I- label; -1 for O. */
    public static int typeOf(int label) {
        return label == O ? -1 : (label - 1) / 2;
    }

    public static boolean isBegin(int label) {
        return label != O && (label - 1) % 2 == 0;
    }

    public static boolean isInside(int label) {
        return label != O && (label - 1) % 2 == 1;
    }

    /** Whether {@code to} may follow {@code from} ({@code from} = -1: the sentence start). */
    public static boolean allowed(int from, int to) {
        if (!isInside(to)) {
            return true;
        }
        return from >= 0 && typeOf(from) == typeOf(to);
    }

    public static int typeIndex(EntityType type) {
        return TYPES.indexOf(type);
    }

    /** Bit mask of every label. */
    public static int all() {
        return (1 << COUNT) - 1;
    }
}
