package io.litgraph.nlp.eval;

import io.litgraph.nlp.Engine;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.TestPaths;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EvaluatorTest {

    @Test
    void scoresAHandMadeDocument() throws Exception {
        String gold = """
                1|t|IL-6 in type 2 diabetes.
                1|a|Glucose was high.
                1\t0\t4\tIL-6\tGene\t3569
                1\t8\t23\ttype 2 diabetes\tDisease\tD003924
                1\t25\t32\tGlucose\tChemical\tD005947
                1\tAssociation\t3569\tD003924

                """;
        List<PubTatorDocument> docs = PubTatorReader.read(new StringReader(gold));
        Evaluator.Report r = new Evaluator(Engine.builtin(), null, null).evaluate("t", docs, null);
        assertEquals(1.0, r.mentions().get(EntityType.GeneOrGeneProduct).f1());
        assertEquals(1.0, r.normalization().get(EntityType.DiseaseOrPhenotypicFeature).f1());
        // glucose's primary id is ChEBI; projected to the gold's MeSH namespace through its xref
        assertEquals(1.0, r.normalization().get(EntityType.ChemicalEntity).f1());
        assertEquals(1, r.relationPairs().tp());
    }

    @Test
    void builtinVocabularyFloorOnBc5cdrSlice() throws Exception {
        Path dev = TestPaths.shared().resolve("corpora/BC5CDR/CDR_DevelopmentSet.PubTator.txt");
        assumeTrue(Files.isRegularFile(dev), "no BC5CDR at " + dev);
        List<PubTatorDocument> docs = PubTatorReader.read(dev).subList(0, 50);
        Evaluator.Report r = new Evaluator(Engine.builtin(), null, Map.of()).evaluate("bc5cdr-50", docs, null);
        double disease = r.normalization().get(EntityType.DiseaseOrPhenotypicFeature).f1();
        assertTrue(disease > 0.30, "built-in disease normalization F1 " + disease);
    }
}
