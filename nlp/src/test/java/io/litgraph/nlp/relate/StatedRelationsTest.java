package io.litgraph.nlp.relate;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.Relation;
import io.litgraph.nlp.text.SentenceSplitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Disease–disease and behaviour → outcome relations from explicit cues, on sentences written for this test. */
class StatedRelationsTest {

    private static final EntityType DIS = EntityType.DiseaseOrPhenotypicFeature;
    private static final EntityType BEH = EntityType.Behavior;
    private static final EntityType GENE = EntityType.GeneOrGeneProduct;

    private static List<Relation> read(String text, Object[]... entities) {
        List<Mention> ms = new ArrayList<>();
        for (Object[] e : entities) {
            String s = (String) e[0];
            int i = text.indexOf(s);
            ms.add(new Mention(i, i + s.length(), s, (EntityType) e[1], (String) e[2], false, false));
        }
        ms.sort(Comparator.comparingInt(Mention::start));
        return StatedRelations.extract(SentenceSplitter.split(text, 0), ms);
    }

    private static Object[] e(String s, EntityType t, String id) {
        return new Object[]{s, t, id};
    }

    @Test
    void riskIsAPositiveCorrelationFromTheRiskFactor() {
        List<Relation> rs = read("Obesity markedly increases the risk of gallstone disease in women.",
                e("Obesity", DIS, "D:obesity"), e("gallstone disease", DIS, "D:gallstones"));
        assertEquals(1, rs.size(), rs.toString());
        assertEquals("Positive_Correlation", rs.get(0).type());
        assertEquals("D:obesity", rs.get(0).subjectId());
        assertTrue(rs.get(0).directed());
    }

    @Test
    void comorbidityAndHallmarkAreAssociations() {
        List<Relation> c = read("Panic disorder is often comorbid with major depression.",
                e("Panic disorder", DIS, "D:panic"), e("major depression", DIS, "D:depression"));
        assertEquals(1, c.size(), c.toString());
        assertEquals("Association", c.get(0).type());
        List<Relation> h = read("Amyloid angiopathy is a hallmark of cerebral haemorrhage in the elderly.",
                e("Amyloid angiopathy", DIS, "D:caa"), e("cerebral haemorrhage", DIS, "D:ich"));
        assertEquals(1, h.size(), h.toString());
        assertEquals("Association", h.get(0).type());
    }

    @Test
    void causedByPointsBackToTheCause() {
        List<Relation> rs = read("Kidney failure caused by long-standing hypertension was frequent.",
                e("Kidney failure", DIS, "D:kf"), e("hypertension", DIS, "D:htn"));
        assertEquals(1, rs.size(), rs.toString());
        assertEquals("D:htn", rs.get(0).subjectId());
        assertEquals("D:kf", rs.get(0).objectId());
    }

    @Test
    void theLinkBetweenTwoDiseases() {
        List<Relation> rs = read("We review the link between psoriasis and arthritis.",
                e("psoriasis", DIS, "D:pso"), e("arthritis", DIS, "D:arth"));
        assertEquals(1, rs.size(), rs.toString());
        assertEquals("Association", rs.get(0).type());
    }

    @Test
    void behaviourToOutcome() {
        List<Relation> rs = read("Heavy drinking leads to liver cirrhosis.",
                e("drinking", BEH, "B:drinking"), e("liver cirrhosis", DIS, "D:cirrhosis"));
        assertEquals(1, rs.size(), rs.toString());
        assertEquals("B:drinking", rs.get(0).subjectId());
        List<Relation> level = read("Cortisol, found at higher levels in socially isolated people, rose further at night.",
                e("Cortisol", GENE, "G:cortisol"), e("socially isolated", BEH, "B:isolation"));
        assertEquals(1, level.size(), level.toString());
        assertEquals("B:isolation", level.get(0).subjectId(), "the group with the higher level is the subject");
        assertEquals("Positive_Correlation", level.get(0).type());
    }

    @Test
    void listsCooccurrenceAndOtherTypesGiveNothing() {
        assertTrue(read("Asthma, eczema and hay fever were recorded at baseline.",
                e("Asthma", DIS, "D:a"), e("eczema", DIS, "D:e"), e("hay fever", DIS, "D:h")).isEmpty());
        assertTrue(read("Patients with gout were compared to patients with migraine.",
                e("gout", DIS, "D:g"), e("migraine", DIS, "D:m")).isEmpty());
        assertFalse(StatedRelations.pairable(GENE, DIS), "gene–disease pairs belong to the learned model");
        assertTrue(read("Gout was frequent in the cohort; it causes migraine, in our view.",
                e("Gout", DIS, "D:g"), e("migraine", DIS, "D:m")).isEmpty(), "a semicolon separates two statements");
        assertTrue(read("Non-obese mice given the diet developed insulin resistance after a week.",
                e("obese", DIS, "D:ob"), e("insulin resistance", DIS, "D:ir")).isEmpty(), "non-obese is not obesity");
    }

    @Test
    void negationIsKept() {
        List<Relation> rs = read("Migraine was not associated with stroke in this cohort.",
                e("Migraine", DIS, "D:m"), e("stroke", DIS, "D:s"));
        assertEquals(1, rs.size(), rs.toString());
        assertTrue(rs.get(0).negated());
    }
}
