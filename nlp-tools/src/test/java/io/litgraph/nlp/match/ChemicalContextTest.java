package io.litgraph.nlp.match;

import io.litgraph.nlp.AnnotatedDocument;
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
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Context rules for chemical names, on a small MeSH vocabulary written here (invented ids, real-shaped trees):
 * units, residues of a protein, spaced formulas in running text, and proteins filed under a chemical branch too.
 */
class ChemicalContextTest {

    @TempDir
    static Path dir;
    static Engine engine;

    @BeforeAll
    static void build() throws Exception {
        Path mesh = dir.resolve("mesh.tsv");
        Files.writeString(mesh, String.join("\n",
                "D900001\tMercury\tHg",
                "D900002\tArginine\tL-Arginine",
                "D900003\tThrombase\t",
                "D900004\tIndium Dimer\tIn 2",
                "D900005\tSodium Chloride\tNaCl",
                ""));
        Path trees = dir.resolve("trees.tsv");
        Files.writeString(trees, String.join("\n",
                "mesh_id\tmesh_name\tmesh_tree_number",
                "D900001\tMercury\tD01.268.556.500",
                "D900002\tArginine\tD12.125.067.100",
                "D900003\tThrombase\tD08.811.277.656.100",
                "D900003\tThrombase\tD12.644.900",
                "D900004\tIndium Dimer\tD01.268.900",
                "D900005\tSodium Chloride\tD01.210.450",
                ""));
        VocabularySources s = new VocabularySources(null, null, null, null, mesh, trees, null, null, null, null, null,
                null, null);
        Path out = dir.resolve("v.bin");
        VocabularyBuilder.build(s, out);
        engine = new Engine(io.litgraph.nlp.vocab.VocabularyArtifact.read(out)); // the dictionary stages whose rules this tests
    }

    /** The chemicals found (the curated core is always part of a built vocabulary, so other types are left out). */
    private static List<String> mentions(String text) {
        AnnotatedDocument a = engine.annotate(InputDocument.of("1", "", text));
        return a.mentions().stream().filter(m -> m.type() == EntityType.ChemicalEntity).map(Mention::text).toList();
    }

    @Test
    void aPressureUnitIsNotMercury() {
        assertEquals(List.of(), mentions("Blood pressure fell by 20 mm Hg after treatment."));
        assertEquals(List.of("Hg"), mentions("Exposure to Hg damaged the kidney."));
    }

    @Test
    void anAminoAcidInAProteinChangeIsAResidueNotASubstance() {
        assertEquals(List.of(), mentions("The mutation replaces a conserved arginine at position 229."));
        assertEquals(List.of("arginine"), mentions("Oral arginine improved endothelial function."));
    }

    @Test
    void runningTextThatFitsASpacedFormulaIsNotAChemical() {
        assertEquals(List.of(), mentions("Results were similar in 2 groups."));
        assertEquals(List.of("NaCl"), mentions("Rats drank 1% NaCl for a week."));
    }

    @Test
    void anEnzymeFiledUnderPeptidesTooIsNotAChemical() {
        assertNull(engine.vocabulary().find("MESH:D900003"), "an enzyme is a gene product, not a chemical concept");
    }
}
