package io.litgraph.nlp.relate;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.text.SentenceSplitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lists, appositions and generic concepts do not make relations. */
class CandidateControlTest {

    @Test
    void listPunctuationAndJoinersAreEnumerations() {
        assertTrue(Enumerations.listed(", "));
        assertTrue(Enumerations.listed(" and "));
        assertTrue(Enumerations.listed(", such as "));
        assertTrue(Enumerations.listed(" (e.g. "));
        assertTrue(Enumerations.listed(", including "));
        assertTrue(Enumerations.listed(" / "));
        assertFalse(Enumerations.listed(" inhibits "));
        assertFalse(Enumerations.listed(" was given with "));
        assertFalse(Enumerations.listed("-"), "a hyphen makes a compound ('A-induced'), not a list");
        assertFalse(Enumerations.listed(""));
    }

    private static List<Mention> mentions(String text, Object[]... es) {
        List<Mention> out = new ArrayList<>();
        for (Object[] e : es) {
            String s = (String) e[0];
            for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
                out.add(new Mention(i, i + s.length(), s, (EntityType) e[1], (String) e[2], false, false));
            }
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    @Test
    void anAppositionOnlyPairIsNotAccepted() {
        String text = "The receptor antagonist, anakinrax, was tested in arthritis.";
        List<DocumentRelations.Candidate> cs = DocumentRelations.candidates(SentenceSplitter.split(text, 0), mentions(text,
                new Object[]{"receptor antagonist", EntityType.GeneOrGeneProduct, "G:1"},
                new Object[]{"anakinrax", EntityType.ChemicalEntity, "C:1"}));
        assertEquals(1, cs.size());
        DocumentRelations.Candidate c = cs.get(0);
        assertEquals(1, c.listedSentences);
        c.score = 0.99;
        assertFalse(DocumentRelations.accepted(c, 0.5), "named together in an apposition is not a relation");
    }

    @Test
    void aStatementInTheSameSentenceOverridesTheList() {
        String text = "Drug X, drug Y and drug Z were given; drug X inhibits drug Y strongly.";
        List<DocumentRelations.Candidate> cs = DocumentRelations.candidates(SentenceSplitter.split(text, 0), mentions(text,
                new Object[]{"drug X", EntityType.ChemicalEntity, "C:x"},
                new Object[]{"drug Y", EntityType.ChemicalEntity, "C:y"}));
        DocumentRelations.Candidate c = cs.get(0);
        assertEquals(0, c.listedSentences);
        c.score = 0.99;
        assertTrue(DocumentRelations.accepted(c, 0.5));
    }

    @Test
    void genericByDocumentFrequency() {
        Set<String> generic = Specificity.generic(Map.of("GO:dev", 40, "GO:rare", 3, "B:affect", 10), 1000);
        assertEquals(Set.of("GO:dev", "B:affect"), generic);
    }

    @Test
    void theShippedModelNamesGenericConceptsOfContextTypesOnly() {
        RelationModel m = RelationModel.shipped();
        assertFalse(m.generic().isEmpty(), "the trainer found no concept frequent enough to be generic");
        assertTrue(m.generic().stream().noneMatch(id -> id.startsWith("NCBIGene:")), m.generic().toString());
    }
}
