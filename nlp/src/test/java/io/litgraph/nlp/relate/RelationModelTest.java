package io.litgraph.nlp.relate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped relation model: present, self-describing, and a probability model. */
class RelationModelTest {

    @Test
    void theShippedModelLoadsWithItsProvenance() {
        RelationModel m = RelationModel.shipped();
        assertNotNull(m, "relation model resource missing");
        assertEquals(PairFeatures.DIMENSION, m.dimension());
        assertTrue(m.info().get("train").matches("Train\\.PubTator sha256:[0-9a-f]{64}"), m.info().toString());
        assertTrue(m.info().get("cid-train").contains("sha256:"), m.info().toString());
        assertTrue(m.info().get("dev-scores").contains("BioRED dev"), m.info().toString());
        assertTrue(m.threshold() > 0 && m.threshold() < 1);
    }

    @Test
    void probabilitiesAreProbabilitiesAndTypesAreBioRedTypes() {
        RelationModel m = RelationModel.shipped();
        PairFeatures f = new PairFeatures();
        f.add("P:CHEMICAL_DISEASE", 1);
        f.add("C:NEGATIVE", 1);
        PairFeatures.Vector v = f.build();
        double p = m.probability(v.idx(), v.val());
        assertTrue(p > 0 && p < 1, "p = " + p);
        assertTrue(java.util.Set.of("Association", "Positive_Correlation", "Negative_Correlation", "Bind", "Cotreatment",
                "Comparison", "Drug_Interaction", "Conversion").contains(m.type(v.idx(), v.val())));
    }

    @Test
    void theFileFormatRoundTrips() throws IOException {
        byte[] bytes = RelationModel.shipped().toBytes();
        assertArrayEquals(bytes, RelationModel.read(new ByteArrayInputStream(bytes)).toBytes());
    }

    @Test
    void featureVectorsAreSortedAndMerged() {
        PairFeatures f = new PairFeatures();
        f.add("b", 1);
        f.add("a", 2);
        f.add("b", 1);
        PairFeatures.Vector v = f.build();
        for (int i = 1; i < v.idx().length; i++) {
            assertTrue(v.idx()[i - 1] < v.idx()[i]);
        }
        assertEquals(2, v.idx().length);
        assertEquals("inhibi", PairFeatures.stem("Inhibition"));
        assertEquals("il-0", PairFeatures.stem("IL-6"));
    }
}
