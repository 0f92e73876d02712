package io.litgraph.nlp.relate;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.Relation;
import io.litgraph.nlp.Span;
import io.litgraph.nlp.context.ModalityDetector;
import io.litgraph.nlp.text.SentenceSplitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentRelationsTest {

    private static final EntityType GENE = EntityType.GeneOrGeneProduct;
    private static final EntityType CHEM = EntityType.ChemicalEntity;
    private static final EntityType DIS = EntityType.DiseaseOrPhenotypicFeature;

    /** Mentions at every occurrence of each surface form: {surface, type, id}. */
    private static List<Mention> mentions(String text, Object[]... entities) {
        List<Mention> out = new ArrayList<>();
        for (Object[] e : entities) {
            String surface = (String) e[0];
            for (int i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
                out.add(new Mention(i, i + surface.length(), surface, (EntityType) e[1], (String) e[2], false, false));
            }
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    private static Object[] e(String surface, EntityType type, String id) {
        return new Object[]{surface, type, id};
    }

    private static List<Relation> extract(String text, Object[]... entities) {
        List<Span> sentences = SentenceSplitter.split(text, 0);
        return DocumentRelations.extract(sentences, mentions(text, entities));
    }

    private static Relation between(List<Relation> rs, String a, String b) {
        return rs.stream().filter(r -> r.subjectId().equals(a) && r.objectId().equals(b)
                || r.subjectId().equals(b) && r.objectId().equals(a)).findFirst().orElse(null);
    }

    @Test
    void hyphenatedInducedIsADirectedPositiveCorrelationFromTheChemical() {
        List<Relation> rs = extract("Cisplatin-induced nephrotoxicity in rats. We studied the kidneys of treated rats.",
                e("Cisplatin", CHEM, "MESH:D002945"), e("nephrotoxicity", DIS, "MESH:D007674"));
        Relation r = between(rs, "MESH:D002945", "MESH:D007674");
        assertNotNull(r, rs.toString());
        assertEquals("Positive_Correlation", r.type());
        assertEquals("MESH:D002945", r.subjectId());
        assertTrue(r.directed());
        assertEquals("induced", r.trigger().text());
        assertFalse(r.negated());
    }

    @Test
    void treatmentLanguageMakesANegativeCorrelation() {
        List<Relation> rs = extract("Metformin in the treatment of type 2 diabetes. Metformin improved glycaemic control "
                        + "in patients with type 2 diabetes.",
                e("Metformin", CHEM, "MESH:D008687"), e("type 2 diabetes", DIS, "MESH:D003924"));
        Relation r = between(rs, "MESH:D008687", "MESH:D003924");
        assertNotNull(r, rs.toString());
        assertEquals("Negative_Correlation", r.type());
    }

    @Test
    void phosphorylationBetweenTwoGenesIsReportedAsAnAssociation() {
        // BioRED annotates most gene-gene regulation, phosphorylation included, as Association
        List<Relation> rs = extract("Insulin signalling in muscle. JNK phosphorylates IRS-1 at serine residues.",
                e("JNK", GENE, "NCBIGene:5599"), e("IRS-1", GENE, "NCBIGene:3667"));
        Relation r = between(rs, "NCBIGene:5599", "NCBIGene:3667");
        assertNotNull(r, rs.toString());
        assertEquals("Association", r.type());
        assertEquals("NCBIGene:5599", r.subjectId());
    }

    @Test
    void bindingBetweenTwoGenesIsBind() {
        List<Relation> rs = extract("Grb2 binds SOS1 in fibroblasts.",
                e("Grb2", GENE, "NCBIGene:2885"), e("SOS1", GENE, "NCBIGene:6654"));
        Relation r = between(rs, "NCBIGene:2885", "NCBIGene:6654");
        assertNotNull(r, rs.toString());
        assertEquals("Bind", r.type());
    }

    @Test
    void negationIsFlagged() {
        String text = "Aspirin did not inhibit COX-2 in these cells.";
        List<Span> sentences = SentenceSplitter.split(text, 0);
        List<Mention> ms = mentions(text, e("Aspirin", CHEM, "MESH:D001241"), e("COX-2", GENE, "NCBIGene:5743"));
        DocumentRelations.Local l = DocumentRelations.read(sentences.get(0), ModalityDetector.scopes(sentences.get(0)),
                ms.get(0), ms.get(1), 0);
        assertTrue(l.negated());
        assertEquals(RelationCues.Cue.NEGATIVE, l.cue());
        assertEquals("inhibit", l.trigger().text());
        assertFalse(DocumentRelations.explicit(l), "a negated statement is not an explicit relation");
    }

    @Test
    void passiveByMakesTheAgentTheSubject() {
        List<Relation> rs = extract("Insulin resistance is impaired by TNF-alpha.",
                e("Insulin resistance", DIS, "MESH:D007333"), e("TNF-alpha", GENE, "NCBIGene:7124"));
        Relation r = between(rs, "MESH:D007333", "NCBIGene:7124");
        assertNotNull(r, rs.toString());
        assertEquals("NCBIGene:7124", r.subjectId());
    }

    @Test
    void twoDiseasesArePairedOnlyByAStatement() {
        List<Relation> stated = extract("Obesity causes type 2 diabetes.",
                e("Obesity", DIS, "MESH:D009765"), e("type 2 diabetes", DIS, "MESH:D003924"));
        Relation r = between(stated, "MESH:D009765", "MESH:D003924");
        assertNotNull(r, stated.toString());
        assertEquals("MESH:D009765", r.subjectId());
        assertEquals(StatedRelations.CONFIDENCE, r.confidence());
        List<Relation> together = extract("Obesity and type 2 diabetes were recorded at baseline.",
                e("Obesity", DIS, "MESH:D009765"), e("type 2 diabetes", DIS, "MESH:D003924"));
        assertNull(between(together, "MESH:D009765", "MESH:D003924"), "co-occurrence is not a disease–disease relation");
    }

    @Test
    void drugCombinationsAndComparisons() {
        Object[] cis = e("cisplatin", CHEM, "MESH:D002945");
        Object[] gem = e("gemcitabine", CHEM, "MESH:C056507");
        List<Relation> combo = extract("Gemcitabine plus cisplatin in lung cancer. Patients received gemcitabine "
                + "combined with cisplatin.", e("Gemcitabine", CHEM, "MESH:C056507"), gem, cis);
        Relation c = between(combo, "MESH:C056507", "MESH:D002945");
        assertNotNull(c, combo.toString());
        assertEquals("Cotreatment", c.type());
    }

    @Test
    void aMainEntityOfTheTitleIsRelatedAcrossSentences() {
        // the gene and the disease never share a sentence; the title and repetition make the pair the abstract's topic
        String text = "BRCA1 mutations in Ashkenazi families. We sequenced BRCA1 in 120 families. BRCA1 carriers were "
                + "common. Breast cancer was diagnosed in 40 women. Breast cancer risk was estimated.";
        List<Relation> rs = extract(text, e("BRCA1", GENE, "NCBIGene:672"), e("Breast cancer", DIS, "MESH:D001943"));
        List<DocumentRelations.Candidate> cs = DocumentRelations.candidates(SentenceSplitter.split(text, 0),
                mentions(text, e("BRCA1", GENE, "NCBIGene:672"), e("Breast cancer", DIS, "MESH:D001943")));
        assertEquals(1, cs.size());
        assertEquals(0, cs.get(0).sentences);
        assertTrue(cs.get(0).a.inTitle || cs.get(0).b.inTitle);
        Relation r = between(rs, "NCBIGene:672", "MESH:D001943");
        if (r != null) {
            assertEquals("Association", r.type());
            assertNull(r.trigger());
            // evidence: the sentence of the earlier of the two closest mentions ("BRCA1 carriers were common.")
            assertTrue(r.sentence().text().startsWith("BRCA1 carriers"), r.sentence().text());
        }
    }

    @Test
    void candidatePairsAreCapped() {
        StringBuilder sb = new StringBuilder();
        List<Object[]> es = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sb.append("G").append(i).append(" and C").append(i).append(" were measured. ");
            es.add(e("G" + i + " ", GENE, "NCBIGene:" + (1000 + i)));
            es.add(e("C" + i + " ", CHEM, "MESH:D" + (100000 + i)));
        }
        String text = sb.toString();
        List<DocumentRelations.Candidate> cs = DocumentRelations.candidates(SentenceSplitter.split(text, 0),
                mentions(text, es.toArray(new Object[0][])));
        int cap = DocumentRelations.MAX_CONCEPTS;
        assertTrue(cs.size() <= cap * (cap - 1) / 2, "candidates: " + cs.size());
    }

    @Test
    void emptyInputsGiveNoRelations() {
        assertTrue(DocumentRelations.extract(List.of(), List.of()).isEmpty());
        assertTrue(DocumentRelations.extract(List.of(), mentions("IL-6", e("IL-6", GENE, "NCBIGene:3569"))).isEmpty());
        assertTrue(extract("IL-6 alone.", e("IL-6", GENE, "NCBIGene:3569")).isEmpty());
    }

    @Test
    void cuesAreReadFromWords() {
        assertEquals(RelationCues.Cue.POSITIVE, RelationCues.of("induced"));
        assertEquals(RelationCues.Cue.NEGATIVE, RelationCues.of("inhibits"));
        assertEquals(RelationCues.Cue.BIND, RelationCues.of("binding"));
        assertEquals(RelationCues.Cue.COTREAT, RelationCues.of("combined"));
        assertEquals(RelationCues.Cue.CONVERSION, RelationCues.of("metabolized"));
        assertEquals(RelationCues.Cue.COMPARISON, RelationCues.of("versus"));
        assertEquals(RelationCues.Cue.TREAT, RelationCues.of("treatment"));
        assertNull(RelationCues.of("the"));
    }
}
