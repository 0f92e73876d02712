package io.litgraph.nlp;

/**
 * Entity types. The first six use BioRED's names so that PubTator output lines up with the field's
 * corpora; the rest cover what the seeds talk about and BioRED has no name for.
 */
public enum EntityType {
    GeneOrGeneProduct,
    DiseaseOrPhenotypicFeature,
    ChemicalEntity,
    OrganismTaxon,
    CellLine,
    SequenceVariant,
    CellType,
    AnatomicalEntity,
    BiologicalProcess,
    Behavior;

    /** Parses BioRED / BC5CDR / PubTator type names ("Gene", "Disease", "Chemical", "Species" ...). */
    public static EntityType fromPubTator(String name) {
        return switch (name) {
            case "GeneOrGeneProduct", "Gene", "gene" -> GeneOrGeneProduct;
            case "DiseaseOrPhenotypicFeature", "Disease", "SpecificDisease", "DiseaseClass", "Modifier", "CompositeMention" ->
                    DiseaseOrPhenotypicFeature;
            case "ChemicalEntity", "Chemical" -> ChemicalEntity;
            case "OrganismTaxon", "Species" -> OrganismTaxon;
            case "CellLine" -> CellLine;
            case "SequenceVariant", "DNAMutation", "ProteinMutation", "SNP", "Variant" -> SequenceVariant;
            default -> valueOf(name);
        };
    }
}
