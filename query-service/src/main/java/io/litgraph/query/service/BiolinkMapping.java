package io.litgraph.query.service;

import java.util.Map;

/**
 * How litgraph's entity and BioRED relation types read in the Biolink Model (4.4.4), for the KGX export.
 * Every value here is checked against the model file by BiolinkVocabularyTest; docs/QUERY-API.md says why
 * each was chosen.
 */
public final class BiolinkMapping {
    public static final String FALLBACK_CATEGORY = "biolink:NamedThing";
    public static final String FALLBACK_PREDICATE = "biolink:related_to";
    /**
     * The extractor reads what a sentence says; it cannot tell an author's finding from a hypothesis or a
     * cited claim, so the knowledge level is not asserted.
     */
    public static final String KNOWLEDGE_LEVEL = "not_provided";
    public static final String AGENT_TYPE = "text_mining_agent";
    public static final String KNOWLEDGE_SOURCE = "infores:litgraph";

    /** Entity type → the most specific non-mixin Biolink class that still covers everything the type holds. */
    public static final Map<String, String> CATEGORIES = Map.of(
            // "gene or gene product" is a mixin, which KGX categories should not be; BioRED's genes are genes
            "GeneOrGeneProduct", "biolink:Gene",
            "DiseaseOrPhenotypicFeature", "biolink:DiseaseOrPhenotypicFeature",
            "ChemicalEntity", "biolink:ChemicalEntity",
            "OrganismTaxon", "biolink:OrganismTaxon",
            "CellLine", "biolink:CellLine",
            "SequenceVariant", "biolink:SequenceVariant",
            "CellType", "biolink:Cell",
            "AnatomicalEntity", "biolink:AnatomicalEntity",
            "BiologicalProcess", "biolink:BiologicalProcess",
            "Behavior", "biolink:Behavior");

    /**
     * BioRED relation type → predicate. Correlations and binding have exact Biolink counterparts; a plain
     * association is {@code associated_with}; the chemical-chemical types (Cotreatment, Drug_Interaction,
     * Comparison, Conversion) have no predicate that keeps their meaning without claiming more (a drug
     * interaction is not necessarily physical), so they fall back to {@code related_to} and keep their
     * BioRED type in {@code original_predicate}.
     */
    public static final Map<String, String> PREDICATES = Map.of(
            "Positive_Correlation", "biolink:positively_correlated_with",
            "Negative_Correlation", "biolink:negatively_correlated_with",
            "Bind", "biolink:physically_interacts_with",
            "Association", "biolink:associated_with",
            "Cotreatment", FALLBACK_PREDICATE,
            "Drug_Interaction", FALLBACK_PREDICATE,
            "Comparison", FALLBACK_PREDICATE,
            "Conversion", FALLBACK_PREDICATE);

    private BiolinkMapping() {
    }

    public static String category(String entityType) {
        return CATEGORIES.getOrDefault(entityType, FALLBACK_CATEGORY);
    }

    public static String predicate(String relationType) {
        return PREDICATES.getOrDefault(relationType, FALLBACK_PREDICATE);
    }
}
