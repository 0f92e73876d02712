package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One gold file and what it may teach: which entity types it annotates (the others are masked, see
 * {@link GoldLabels}) and whether it is used for training, for choosing settings (dev), or split. Corpora
 * without a dev split (GNormPlus, NLM-Gene) are split by position: every {@value #HOLDOUT_EVERY}th document
 * (the 5th, 10th, ... in file order) is held out for choosing and reporting, the rest trains.
 */
public record TrainingCorpus(String name, Path file, Set<EntityType> annotated, Role role) {

    public static final int HOLDOUT_EVERY = 5;

    public enum Role { TRAIN, DEV, SPLIT }

    /** The standard set under a corpora folder laid out as in {@code ../shared/corpora}. */
    public static List<TrainingCorpus> standard(Path corpora) {
        Set<EntityType> all = EnumSet.copyOf(Labels.TYPES);
        Set<EntityType> chemDisease = EnumSet.of(EntityType.ChemicalEntity, EntityType.DiseaseOrPhenotypicFeature);
        Set<EntityType> disease = EnumSet.of(EntityType.DiseaseOrPhenotypicFeature);
        Set<EntityType> gene = EnumSet.of(EntityType.GeneOrGeneProduct);
        Set<EntityType> tmvar = EnumSet.of(EntityType.GeneOrGeneProduct, EntityType.DiseaseOrPhenotypicFeature,
                EntityType.OrganismTaxon, EntityType.SequenceVariant, EntityType.CellLine);
        List<TrainingCorpus> out = new ArrayList<>();
        out.add(new TrainingCorpus("BioRED", corpora.resolve("BioRED/Train.PubTator"), all, Role.TRAIN));
        out.add(new TrainingCorpus("BioRED", corpora.resolve("BioRED/Dev.PubTator"), all, Role.DEV));
        out.add(new TrainingCorpus("BC5CDR", corpora.resolve("BC5CDR/CDR_TrainingSet.PubTator.txt"), chemDisease, Role.TRAIN));
        out.add(new TrainingCorpus("BC5CDR", corpora.resolve("BC5CDR/CDR_DevelopmentSet.PubTator.txt"), chemDisease, Role.DEV));
        out.add(new TrainingCorpus("NCBI-disease", corpora.resolve("NCBI-disease/NCBItrainset_corpus.txt"), disease, Role.TRAIN));
        out.add(new TrainingCorpus("NCBI-disease", corpora.resolve("NCBI-disease/NCBIdevelopset_corpus.txt"), disease, Role.DEV));
        out.add(new TrainingCorpus("GNormPlus", corpora.resolve("GNormPlus/GNormPlus_Train.PubTator"), gene, Role.SPLIT));
        out.add(new TrainingCorpus("NLM-Gene", corpora.resolve("NLM-Gene/NLMgene_Train.PubTator"), gene, Role.SPLIT));
        out.add(new TrainingCorpus("tmVar3", corpora.resolve("tmVar3/tmVar3_Train.PubTator"), tmvar, Role.TRAIN));
        out.add(new TrainingCorpus("BioID", corpora.resolve("BioID/BioID_Train.PubTator"), EnumSet.of(EntityType.CellLine), Role.TRAIN));
        return out;
    }

    /** Whether the document at this position (0-based, file order) is held out of a SPLIT corpus. */
    public static boolean heldOut(int position) {
        return position % HOLDOUT_EVERY == HOLDOUT_EVERY - 1;
    }

    /**
     * The model's type for a gold type name; null for kinds the corpora annotate but the model does not learn
     * (gene families, protein domains), whose tokens are left free.
     */
    public static EntityType modelType(String goldType) {
        return switch (goldType) {
            case "Gene", "GeneOrGeneProduct" -> EntityType.GeneOrGeneProduct;
            case "Disease", "DiseaseOrPhenotypicFeature", "SpecificDisease", "DiseaseClass", "Modifier",
                 "CompositeMention" -> EntityType.DiseaseOrPhenotypicFeature;
            case "Chemical", "ChemicalEntity" -> EntityType.ChemicalEntity;
            case "Species", "OrganismTaxon" -> EntityType.OrganismTaxon;
            case "CellLine" -> EntityType.CellLine;
            case "SequenceVariant", "DNAMutation", "ProteinMutation", "SNP", "OtherMutation", "AcidChange",
                 "DNAAllele", "ProteinAllele", "Variant" -> EntityType.SequenceVariant;
            default -> null;
        };
    }
}
