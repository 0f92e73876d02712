package io.litgraph.nlp.ner;

import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Concept;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.io.IdConvention;
import io.litgraph.nlp.text.Tokenizer;
import io.litgraph.nlp.vocab.CoreVocabulary;
import io.litgraph.nlp.vocab.Term;
import io.litgraph.nlp.vocab.TermKind;
import io.litgraph.nlp.vocab.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The linker's pieces on names written for these tests. */
class LinkingTest {

    private static final Vocabulary SMALL = new Vocabulary("test", List.of(
            new Concept("MESH:D000001", EntityType.DiseaseOrPhenotypicFeature, "Asthma", List.of()),
            new Concept("MESH:D000002", EntityType.DiseaseOrPhenotypicFeature, "Breast Cancer", List.of()),
            new Concept("MESH:D000003", EntityType.DiseaseOrPhenotypicFeature, "Ovarian Cancer", List.of()),
            new Concept("MESH:D000004", EntityType.ChemicalEntity, "methanol", List.of())),
            List.of(new Term("asthma", 0, TermKind.NAME), new Term("breast cancer", 1, TermKind.NAME),
                    new Term("ovarian cancer", 2, TermKind.NAME), new Term("methanol", 3, TermKind.NAME)));

    @Test
    void nearMissesAreFoundForDiseasesOnly() {
        ApproximateNames near = new ApproximateNames(SMALL);
        List<ApproximateNames.Near> asthmatic = near.near("asthmatic", EntityType.DiseaseOrPhenotypicFeature);
        assertEquals(1, asthmatic.size());
        assertEquals(0, asthmatic.get(0).term().concept());
        assertTrue(asthmatic.get(0).dice() >= ApproximateNames.MIN_DICE && asthmatic.get(0).dice() < 1);
        assertTrue(near.near("methanal", EntityType.ChemicalEntity).isEmpty(), "a chemical a letter away is another substance");
        assertTrue(near.near("astronomy", EntityType.DiseaseOrPhenotypicFeature).isEmpty());
    }

    @Test
    void trigramDiceIsASimilarity() {
        long[] a = ApproximateNames.trigrams(ApproximateNames.key("Breast-Cancer"));
        assertEquals(1.0, ApproximateNames.dice(a, ApproximateNames.trigrams("breast cancer")), 1e-9);
        assertTrue(ApproximateNames.dice(a, ApproximateNames.trigrams("brain tumour")) < 0.3);
    }

    @Test
    void coordinatedNamesAreSplitOnAndOrCommaAndSlash() {
        String text = "breast and ovarian cancer, CD4/8 and 1,2-diol";
        List<List<String>> groups = Coordination.conjuncts(text, Tokenizer.tokenize(text, 0)).stream()
                .map(g -> g.stream().map(t -> t.text()).toList()).toList();
        assertEquals(List.of(List.of("breast"), List.of("ovarian", "cancer"), List.of("CD", "4"), List.of("8"),
                List.of("1", "2", "diol")), groups);
    }

    @Test
    void meshConventionRenamesChemicalsAndDiseasesWithAMeshCrossReference() {
        Engine engine = Engine.builtin();
        AnnotatedDocument doc = engine.annotate(InputDocument.of("1", "Glucose in type 2 diabetes", "IL-6 rose."));
        AnnotatedDocument mesh = IdConvention.MESH.apply(doc);
        Set<String> ids = mesh.mentions().stream().map(Mention::conceptId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        assertTrue(ids.contains("MESH:D005947"), ids.toString()); // glucose, ChEBI in litgraph's own convention
        assertTrue(ids.contains("NCBIGene:3569"), "genes keep their ids: " + ids);
        assertTrue(mesh.concepts().stream().anyMatch(c -> c.id().equals("MESH:D005947") && c.xrefs().contains("CHEBI:17234")));
        assertEquals(doc, IdConvention.NATIVE.apply(doc));
    }
}
