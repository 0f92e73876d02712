package io.litgraph.nlp.vocab;

import io.litgraph.nlp.Engine;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Mention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Disease Ontology class without a MeSH or OMIM id is normalized to its nearest MeSH ancestor, two steps at most. */
class DiseaseAncestorsTest {

    @Test
    void aClassWithoutMeshIdTakesItsNearestMeshAncestor(@TempDir Path dir) throws Exception {
        Path obo = dir.resolve("do.obo");
        Files.writeString(obo, """
                [Term]
                id: DOID:4
                name: disease
                xref: MESH:D999000

                [Term]
                id: DOID:630
                name: gadget disease
                xref: MESH:D999630
                is_a: DOID:4 ! disease

                [Term]
                id: DOID:700
                name: autosomal gadget disease
                is_a: DOID:630 ! gadget disease

                [Term]
                id: DOID:701
                name: recessive gadget disease
                synonym: "recessive gadget disorder" EXACT []
                is_a: DOID:700 ! autosomal gadget disease

                [Term]
                id: DOID:800
                name: whatsit syndrome
                is_a: DOID:4 ! disease

                [Term]
                id: DOID:900
                name: widget fever
                xref: OMIM:123456
                is_a: DOID:630 ! gadget disease
                """);
        Path mesh = dir.resolve("mesh.tsv");
        Files.writeString(mesh, "D999630\tGadget Diseases\t\n");
        Path trees = dir.resolve("trees.tsv");
        Files.writeString(trees, "mesh_id\tmesh_name\tmesh_tree_number\nD999630\tGadget Diseases\tC16.320.999\n");
        VocabularySources s = new VocabularySources(null, null, null, null, mesh, trees, null, obo, null, null, null,
                null, null);
        Path out = dir.resolve("v.bin");
        VocabularyBuilder.build(s, out);
        Engine engine = new Engine(VocabularyArtifact.read(out)); // the dictionary stages: what the builder compiled
        var doc = engine.annotate(InputDocument.of("1", "",
                "A recessive gadget disease, a whatsit syndrome and widget fever were seen."));
        List<String> ids = doc.mentions().stream().filter(m -> m.type() == EntityType.DiseaseOrPhenotypicFeature)
                .map(Mention::conceptId).toList();
        // two steps up to the MeSH descriptor; nothing but the root "disease" above whatsit syndrome; an OMIM id
        // is specific enough already
        assertEquals(List.of("MESH:D999630", "DOID:800", "DOID:900"), ids);
    }
}
