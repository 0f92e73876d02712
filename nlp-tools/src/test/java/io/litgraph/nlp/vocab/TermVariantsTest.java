package io.litgraph.nlp.vocab;

import io.litgraph.nlp.EntityType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TermVariantsTest {

    @Test
    void invertedMeshNamesAreUninverted() {
        assertTrue(TermVariants.of("Diabetes Mellitus, Type 2", EntityType.DiseaseOrPhenotypicFeature)
                .contains("Type 2 Diabetes Mellitus"));
        assertTrue(TermVariants.of("Diabetes Mellitus, Type 2", EntityType.DiseaseOrPhenotypicFeature)
                .contains("Type 2 Diabetes"));
        assertTrue(TermVariants.of("Breast Neoplasms", EntityType.DiseaseOrPhenotypicFeature).contains("Breast cancer"));
        assertTrue(TermVariants.of("Kidney Diseases", EntityType.DiseaseOrPhenotypicFeature).contains("renal Diseases"));
        assertTrue(TermVariants.of("Ischemia", EntityType.DiseaseOrPhenotypicFeature).contains("ischemic"));
    }
}
