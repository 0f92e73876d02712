package io.litgraph.nlp.io;

import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FormatsTest {

    static final String PUBTATOR = """
            111|t|IL-6 in type 2 diabetes.
            111|a|Glucose and TNF were high.
            111\t0\t4\tIL-6\tGene\t3569
            111\t8\t23\ttype 2 diabetes\tDisease\tD003924|D003920
            111\t30\t35\tWRONG\tChemical\tD005947
            111\t52\t55\tTNF\tGene\t7124(Tax:9606)
            111\tAssociation\t3569\tD003924\tNovel

            222|t|Second.
            222|a|
            """;

    @Test
    void pubTatorReaderToleratesGoldQuirks() throws Exception {
        List<PubTatorDocument> docs = PubTatorReader.read(new StringReader(PUBTATOR));
        assertEquals(2, docs.size());
        PubTatorDocument d = docs.get(0);
        assertEquals(4, d.entities().size());
        assertEquals("WRONG", d.entities().get(2).text(), "offset mismatches are kept as written");
        assertEquals(1, d.relations().size());
    }

    @Test
    void pubTatorWriterRoundTrips() throws Exception {
        PubTatorDocument d = PubTatorReader.read(new StringReader(PUBTATOR)).get(0);
        InputDocument in = d.toInput();
        AnnotatedDocument a = Engine.builtin().annotate(in);
        StringWriter w = new StringWriter();
        PubTatorWriter.write(in, a, w);
        PubTatorDocument back = PubTatorReader.read(new StringReader(w.toString())).get(0);
        assertEquals(d.title(), back.title());
        assertEquals(d.abstractText(), back.abstractText());
        assertEquals(a.mentions().size(), back.entities().size());
        for (PubTatorDocument.Entity e : back.entities()) {
            assertEquals(e.text(), back.text().substring(e.start(), e.end()));
        }
        assertTrue(back.entities().stream().anyMatch(e -> e.ids().equals("NCBIGene:3569")));
    }

    @Test
    void biocJsonReadsPubTator3WrapperWithNonStringInfons() throws Exception {
        String json = """
                {"PubTator3": [{"_id": "42|None", "id": "42", "infons": {"year": 2020, "open": true, "x": null},
                  "passages": [{"offset": 0, "infons": {"type": "title", "section_type": "TITLE"}, "text": "IL-6 rises.",
                    "annotations": [{"id": "1", "infons": {"identifier": 3569, "type": "Gene", "valid": true},
                      "text": "IL-6", "locations": [{"offset": 0, "length": 4}]}]}],
                  "relations": [{"id": "R1", "infons": {"score": 0.9, "type": "Association"}, "nodes": []}]}]}
                """;
        List<BioCDocument> docs = BioCJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, docs.size());
        BioCDocument d = docs.get(0);
        assertEquals("42", d.id());
        assertEquals("2020", d.infons().get("year"));
        assertEquals("3569", d.passages().get(0).annotations().get(0).infons().get("identifier"));
        assertEquals("0.9", d.relations().get(0).infons().get("score"));
        assertEquals("IL-6 rises.", d.toInput().passages().get(0).text());
    }

    @Test
    void biocJsonWriterOutputReadsBack() throws Exception {
        InputDocument in = InputDocument.of("7", "TNF-α in obesity.", "Macrophages make IL-6 — naïve café.");
        AnnotatedDocument a = Engine.builtin().annotate(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BioCJsonWriter.write(List.of(new BioCJsonWriter.Item(in, a)), out);
        List<BioCDocument> back = BioCJsonReader.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(2, back.get(0).passages().size());
        int n = 0;
        for (BioCDocument.BioCPassage p : back.get(0).passages()) {
            for (BioCDocument.BioCAnnotation x : p.annotations()) {
                assertEquals(x.text(), p.text().substring(x.offset() - p.offset(), x.offset() - p.offset() + x.length()),
                        "offsets are in Java characters, also after non-ASCII text");
                n++;
            }
        }
        assertEquals(a.mentions().size(), n);
        assertFalse(back.get(0).relations().isEmpty());
    }

    @Test
    void readsSharedBioCFiles() throws Exception {
        Path export = TestPaths.shared().resolve("formats/bioc/export_22663011.json");
        Path dev = TestPaths.shared().resolve("corpora/BioRED/Dev.BioC.JSON");
        assumeTrue(Files.isRegularFile(export) && Files.isRegularFile(dev), "no shared BioC files");
        List<BioCDocument> e = BioCJsonReader.read(export);
        assertEquals(1, e.size());
        assertTrue(e.get(0).passages().stream().mapToInt(p -> p.annotations().size()).sum() >= 40);
        List<BioCDocument> d = BioCJsonReader.read(dev);
        assertEquals(100, d.size());
    }
}
