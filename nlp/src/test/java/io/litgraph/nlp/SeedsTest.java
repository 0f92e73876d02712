package io.litgraph.nlp;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The seed documents must yield the entities and relations a reader would mark first. */
class SeedsTest {

    static List<AnnotatedDocument> docs = new ArrayList<>();

    @BeforeAll
    static void annotateSeeds() throws IOException {
        Path dir = TestPaths.seeds();
        assumeTrue(Files.isDirectory(dir), "no seeds at " + dir);
        Engine engine = Engine.builtin();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                docs.add(engine.annotate(InputDocument.of(f.getFileName().toString(), "", Files.readString(f))));
            }
        }
    }

    static void assertMention(String text, String id) {
        boolean found = docs.stream().flatMap(d -> d.mentions().stream())
                .anyMatch(m -> m.text().equalsIgnoreCase(text) && id.equals(m.conceptId()));
        assertTrue(found, () -> "expected " + text + " -> " + id + "; got " + docs.stream().flatMap(d -> d.mentions().stream())
                .filter(m -> m.text().equalsIgnoreCase(text)).map(m -> m.text() + "=" + m.conceptId()).toList());
    }

    static void assertRelation(String a, String b) {
        boolean found = docs.stream().flatMap(d -> d.relations().stream())
                .anyMatch(r -> r.subjectId().equals(a) && r.objectId().equals(b) || r.subjectId().equals(b) && r.objectId().equals(a));
        assertTrue(found, () -> "expected a relation between " + a + " and " + b);
    }

    @Test
    void genes() {
        assertMention("IL-6", "NCBIGene:3569");
        assertMention("interleukin-6", "NCBIGene:3569");
        assertMention("TNF-alpha", "NCBIGene:7124");
        assertMention("IRS-1", "NCBIGene:3667");
        assertMention("JNK", "NCBIGene:5599");
        assertMention("IL-1Ra", "NCBIGene:3557");
        assertMention("ADM", "NCBIGene:133");
        assertMention("ASGR1", "NCBIGene:432");
    }

    @Test
    void diseasesAndBehaviour() {
        assertMention("type 2 diabetes", "MESH:D003924");
        assertMention("insulin resistance", "MESH:D007333");
        assertMention("osteoporosis", "MESH:D010024");
        assertMention("rheumatoid arthritis", "MESH:D001172");
        assertMention("schizophrenia", "MESH:D012559");
        assertMention("loneliness", "MESH:D008132");
    }

    @Test
    void chemicalsAndCells() {
        boolean glucose = docs.stream().flatMap(d -> d.mentions().stream()).anyMatch(m -> m.text().equalsIgnoreCase("glucose")
                && m.conceptId() != null && docs.stream().flatMap(d -> d.concepts().stream())
                .anyMatch(c -> c.id().equals(m.conceptId()) && (c.id().equals("CHEBI:17234") || c.xrefs().contains("MESH:D005947"))));
        assertTrue(glucose, "glucose must map to the glucose concept");
        assertMention("macrophages", "CL:0000235");
        assertMention("osteoblasts", "CL:0000062");
    }

    @Test
    void relations() {
        assertRelation("NCBIGene:5599", "NCBIGene:3667");
        boolean il1 = docs.stream().flatMap(d -> d.relations().stream()).anyMatch(r ->
                (r.subjectId().equals("NCBIGene:3553") || r.objectId().equals("NCBIGene:3553"))
                        && (r.subjectId().startsWith("MESH:D00392") || r.objectId().startsWith("MESH:D00392")));
        assertTrue(il1, "expected a relation between IL-1 and diabetes");
    }

    @Test
    void everyMentionSpanMatchesTheText() {
        for (AnnotatedDocument d : docs) {
            for (Mention m : d.mentions()) {
                assertTrue(m.end() > m.start() && m.text().length() == m.end() - m.start(), m.toString());
            }
        }
    }
}
