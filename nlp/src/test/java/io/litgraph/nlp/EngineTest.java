package io.litgraph.nlp;

import io.litgraph.nlp.vocab.VocabularyArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {

    static final Engine ENGINE = Engine.builtin();

    static Mention mention(AnnotatedDocument d, String text) {
        return d.mentions().stream().filter(m -> m.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not found in " + d.mentions()));
    }

    @Test
    void offsetsAreDocumentGlobal() {
        InputDocument doc = InputDocument.of("1", "Insulin resistance in type 2 diabetes.", "Macrophages release IL-6.");
        AnnotatedDocument a = ENGINE.annotate(doc);
        String all = "Insulin resistance in type 2 diabetes. Macrophages release IL-6.";
        for (Mention m : a.mentions()) {
            assertEquals(m.text(), all.substring(m.start(), m.end()));
        }
        assertEquals("MESH:D003924", mention(a, "type 2 diabetes").conceptId());
        assertEquals("CL:0000235", mention(a, "Macrophages").conceptId());
        assertEquals(ENGINE.vocabularyVersion(), a.vocabularyVersion());
    }

    @Test
    void longestMatchWins() {
        AnnotatedDocument a = ENGINE.annotate(InputDocument.of("1", "", "Patients with type 2 diabetes mellitus were studied."));
        assertEquals("MESH:D003924", mention(a, "type 2 diabetes mellitus").conceptId());
        assertTrue(a.mentions().stream().noneMatch(m -> m.text().equals("diabetes")));
    }

    @Test
    void negationAndSpeculationAreScopedToTheClause() {
        AnnotatedDocument a = ENGINE.annotate(InputDocument.of("1", "",
                "Patients without obesity had no insulin resistance, but schizophrenia was common. IL-6 may promote osteoporosis."));
        assertTrue(mention(a, "obesity").negated());
        assertTrue(mention(a, "insulin resistance").negated());
        assertFalse(mention(a, "schizophrenia").negated());
        assertTrue(mention(a, "osteoporosis").speculative());
        assertTrue(mention(a, "IL-6").speculative());
        assertFalse(mention(a, "schizophrenia").speculative());
    }

    @Test
    void localAbbreviationDefinitionBeatsTheDictionary() {
        AnnotatedDocument a = ENGINE.annotate(InputDocument.of("1", "",
                "Rheumatoid arthritis (RA) is common. In RA, macrophages produce TNF. "
                        + "The non-obese diabetic (NOD) mouse develops diabetes."));
        List<Mention> ra = a.mentions().stream().filter(m -> m.text().equals("RA")).toList();
        assertEquals(2, ra.size());
        assertTrue(ra.stream().allMatch(m -> "MESH:D001172".equals(m.conceptId())));
    }

    @Test
    void genesOfOtherSpeciesGetNoHumanId() {
        AnnotatedDocument a = ENGINE.annotate(InputDocument.of("1", "",
                "In mice, IL-6 deficiency protects against obesity. Rats lacking TNF were studied."));
        assertNull(mention(a, "IL-6").conceptId());
        AnnotatedDocument h = ENGINE.annotate(InputDocument.of("2", "", "In patients, IL-6 levels were high."));
        assertEquals("NCBIGene:3569", mention(h, "IL-6").conceptId());
    }

    @Test
    void directedRelationsFollowTheLanguage() {
        AnnotatedDocument a = ENGINE.annotate(InputDocument.of("1", "", "TNF-alpha induces insulin resistance."));
        Relation r = a.relations().stream().filter(x -> x.subjectId().equals("NCBIGene:7124")).findFirst().orElseThrow();
        assertEquals("MESH:D007333", r.objectId());
        assertTrue(Set.of("Positive_Correlation", "Association").contains(r.type()), r.type());
        AnnotatedDocument p = ENGINE.annotate(InputDocument.of("2", "", "Insulin resistance is impaired by TNF-alpha."));
        assertTrue(p.relations().stream().anyMatch(q -> q.subjectId().equals("NCBIGene:7124")
                || q.objectId().equals("NCBIGene:7124")), p.relations().toString());
    }

    @Test
    void variantsAreRecognised() {
        AnnotatedDocument a = ENGINE.annotate(InputDocument.of("1", "", "The R215W mutation and rs121913529 cause disease."));
        assertEquals("p|SUB|R|215|W", mention(a, "R215W").conceptId());
        assertEquals(EntityType.SequenceVariant, mention(a, "rs121913529").type());
    }

    @Test
    void loadFallsBackToBuiltinAndReadsArtifacts(@TempDir Path dir) throws Exception {
        Engine missing = Engine.load(dir.resolve("nope.bin"));
        assertEquals(ENGINE.vocabularyVersion(), missing.vocabularyVersion());
        Path file = dir.resolve("v.bin");
        VocabularyArtifact.write(ENGINE.vocabulary(), file);
        Engine loaded = Engine.load(file);
        assertEquals(ENGINE.vocabulary().concepts().size(), loaded.vocabulary().concepts().size());
        assertEquals(ENGINE.vocabulary().terms(), loaded.vocabulary().terms());
        InputDocument d = InputDocument.of("1", "", "IL-6 and glucose in type 2 diabetes.");
        assertEquals(ENGINE.annotate(d).mentions(), loaded.annotate(d).mentions());
    }
}
