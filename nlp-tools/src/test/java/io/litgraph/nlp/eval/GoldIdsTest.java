package io.litgraph.nlp.eval;

import io.litgraph.nlp.EntityType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoldIdsTest {

    @Test
    void goldIdentifiersBecomeCuries() {
        assertEquals(Set.of("MESH:D003924", "MESH:D003920"), GoldIds.curies("D003924|D003920", EntityType.DiseaseOrPhenotypicFeature));
        assertEquals(Set.of("NCBIGene:7124"), GoldIds.curies("7124(Tax:9606)", EntityType.GeneOrGeneProduct));
        assertEquals(Set.of("NCBITaxon:9606"), GoldIds.curies("9606", EntityType.OrganismTaxon));
        assertEquals("MESH:D012345", GoldIds.curie("D012345", null));
        assertEquals("OMIM:123456", GoldIds.curie("OMIM:123456", EntityType.DiseaseOrPhenotypicFeature));
        assertEquals(2, GoldIds.curies("D012345+D012346", EntityType.DiseaseOrPhenotypicFeature).size());
        assertEquals(Set.of("p|SUB|R|215|W"), GoldIds.curies("p|SUB|R|215|W", EntityType.SequenceVariant));
    }
}
