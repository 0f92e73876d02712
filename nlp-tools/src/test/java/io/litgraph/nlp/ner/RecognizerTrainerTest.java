package io.litgraph.nlp.ner;

import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.TestPaths;
import io.litgraph.nlp.vocab.CoreVocabulary;
import io.litgraph.nlp.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training on a small slice of the gold corpora (read from ../shared/corpora, never copied): two runs give the
 * same model bytes, the model records its inputs, and it reads back to the same tagger.
 */
class RecognizerTrainerTest {

    @Test
    void twoRunsOnTheSameSliceGiveTheSameModel(@TempDir Path dir) throws Exception {
        Path corpora = TestPaths.shared().resolve("corpora");
        assertTrue(Files.isDirectory(corpora), "the gold corpora are needed at " + corpora + " (-Dlitgraph.shared.dir)");
        Vocabulary vocabulary = CoreVocabulary.load();
        RecognizerTrainer.Settings settings = new RecognizerTrainer.Settings(2, 1, 7L, 4, 12);
        List<String> log = new ArrayList<>();
        RecognizerModel first = new RecognizerTrainer(vocabulary, log::add)
                .train(TrainingCorpus.standard(corpora), settings, "test", dir.resolve("a.bin"));
        new RecognizerTrainer(vocabulary, line -> { })
                .train(TrainingCorpus.standard(corpora), settings, "test", dir.resolve("b.bin"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.bin")), Files.readAllBytes(dir.resolve("b.bin")));

        assertTrue(first.featureCount() > 1000, "a slice of 12 documents per corpus still gives thousands of features");
        assertTrue(first.metadata().get("corpora").contains("Train.PubTator="), first.metadata().toString());
        assertEquals(64, first.metadata().get("corpora").split(";")[0].split("=")[1].length(), "SHA-256 per file");
        assertTrue(first.metadata().containsKey("devMentionF1"));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("chose epoch")), log.toString());

        // the model read back tags a sentence it never saw the same way, and finds something in it
        RecognizerModel again = RecognizerModel.read(dir.resolve("a.bin"));
        Engine engine = new Engine(vocabulary, again);
        AnnotatedDocument doc = engine.annotate(InputDocument.of("t", "Aspirin and ibuprofen in rheumatoid arthritis",
                "Patients with rheumatoid arthritis received aspirin; TNF levels fell."));
        AnnotatedDocument same = new Engine(vocabulary, first).annotate(InputDocument.of("t",
                "Aspirin and ibuprofen in rheumatoid arthritis", "Patients with rheumatoid arthritis received aspirin; TNF levels fell."));
        assertEquals(same.mentions(), doc.mentions());
        assertTrue(doc.mentions().stream().anyMatch(m -> m.type() == EntityType.DiseaseOrPhenotypicFeature), doc.mentions().toString());
    }
}
