package io.litgraph.nlp.match;

import io.litgraph.nlp.Engine;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.vocab.VocabularyBuilder;
import io.litgraph.nlp.vocab.VocabularySources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Gene aliases that collide with other things written in abstracts: cytogenetic bands, laboratory methods,
 * and running text. A two-gene NCBI gene_info file written here (real ids and aliases).
 */
class GeneContextRulesTest {

    @TempDir
    static Path dir;
    static Engine engine;

    @BeforeAll
    static void build() throws Exception {
        Path geneInfo = dir.resolve("gene_info");
        Files.writeString(geneInfo, String.join("\n",
                "#tax_id\tGeneID\tSymbol\tLocusTag\tSynonyms\tdbXrefs\tchromosome\tmap_location\tdescription\ttype_of_gene",
                "9606\t51013\tEXOSC1\t-\tCSL4|Csl4p|SKI4|p13\t-\t10\t10q24.1\texosome component 1\tprotein-coding",
                "9606\t9644\tSH3PXD2A\t-\tFISH|SH3MD1|TKS5\t-\t10\t10q24.33\tSH3 and PX domains 2A\tprotein-coding",
                ""));
        VocabularySources s = new VocabularySources(null, geneInfo, null, null, null, null, null, null, null, null,
                null, null, null);
        Path out = dir.resolve("v.bin");
        VocabularyBuilder.build(s, out);
        engine = new Engine(io.litgraph.nlp.vocab.VocabularyArtifact.read(out)); // the dictionary stages whose rules this tests
    }

    private static List<String> genes(String text) {
        return engine.annotate(InputDocument.of("1", "", text)).mentions().stream()
                .filter(m -> m.type() == EntityType.GeneOrGeneProduct).map(Mention::text).toList();
    }

    @Test
    void aBandOnAChromosomeIsNotAProtein() {
        assertEquals(List.of(), genes("The locus maps to chromosome 16p13.3 in all families."));
        assertEquals(List.of("p13"), genes("The exosome subunit p13 binds RNA."));
    }

    @Test
    void aLaboratoryMethodIsNotAGene() {
        assertEquals(List.of(), genes("FISH showed a deletion in every cell."));
        assertEquals(List.of("SH3PXD2A"), genes("SH3PXD2A is needed for podosomes."));
    }
}
