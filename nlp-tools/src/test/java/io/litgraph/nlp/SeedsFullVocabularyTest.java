package io.litgraph.nlp;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seed expectations also hold with the full compiled vocabulary (where the registries add competing
 * readings of every name). Uses {@code <repo>/.litgraph/vocab/litgraph-vocab.bin} (or
 * {@code -Dlitgraph.vocab.artifact}) when it exists; otherwise compiles one from the fetched Debian sources
 * (and ../shared/vocab when present), as {@code bin/litgraph up} does. Skipped when neither is there.
 */
class SeedsFullVocabularyTest {

    @Test
    void seedsWithTheFullVocabulary() throws Exception {
        Path artifact = Path.of(System.getProperty("litgraph.vocab.artifact",
                TestPaths.repoRoot().resolve(".litgraph/vocab/litgraph-vocab.bin").toString()));
        if (!Files.isRegularFile(artifact)) {
            assumeTrue(Files.isDirectory(TestPaths.vocabSrc().resolve("usr")),
                    "no vocabulary artifact at " + artifact + " and no Debian sources in " + TestPaths.vocabSrc());
            Path dir = Files.createTempDirectory("litgraph-vocab");
            artifact = dir.resolve("litgraph-vocab.bin");
            dir.toFile().deleteOnExit();
            artifact.toFile().deleteOnExit();
            Path shared = TestPaths.shared().resolve("vocab");
            io.litgraph.nlp.vocab.VocabularyBuilder.build(io.litgraph.nlp.vocab.VocabularySources.discover(
                    TestPaths.vocabSrc(), Files.isDirectory(shared) ? shared : null), artifact);
        }
        assumeTrue(Files.isDirectory(TestPaths.seeds()), "no seeds");
        Engine engine = Engine.load(artifact);
        List<Mention> mentions = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestPaths.seeds())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                AnnotatedDocument d = engine.annotate(InputDocument.of(f.getFileName().toString(), "", Files.readString(f)));
                mentions.addAll(d.mentions());
                relations.addAll(d.relations());
            }
        }
        String[][] expected = {{"IL-6", "NCBIGene:3569"}, {"TNF-alpha", "NCBIGene:7124"}, {"IRS-1", "NCBIGene:3667"},
                {"JNK", "NCBIGene:5599"}, {"IL-1Ra", "NCBIGene:3557"}, {"ADM", "NCBIGene:133"}, {"ASGR1", "NCBIGene:432"},
                {"type 2 diabetes", "MESH:D003924"}, {"insulin resistance", "MESH:D007333"}, {"osteoporosis", "MESH:D010024"},
                {"rheumatoid arthritis", "MESH:D001172"}, {"schizophrenia", "MESH:D012559"}, {"glucose", "CHEBI:17234"},
                {"macrophages", "CL:0000235"}, {"osteoblasts", "CL:0000062"}, {"loneliness", "MESH:D008132"}};
        for (String[] e : expected) {
            assertTrue(mentions.stream().anyMatch(m -> m.text().equalsIgnoreCase(e[0]) && e[1].equals(m.conceptId())),
                    () -> e[0] + " -> " + e[1] + "; got " + mentions.stream().filter(m -> m.text().equalsIgnoreCase(e[0]))
                            .map(Mention::conceptId).distinct().toList());
        }
        assertTrue(relations.stream().anyMatch(r -> Set.of(r.subjectId(), r.objectId()).containsAll(Set.of("NCBIGene:5599", "NCBIGene:3667"))));
        assertTrue(relations.stream().anyMatch(r -> Set.of(r.subjectId(), r.objectId()).contains("NCBIGene:3553")
                && (r.subjectId() + r.objectId()).contains("MESH:D00392")));
    }
}
