package io.litgraph.nlp.ner;

import io.litgraph.nlp.TestPaths;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model shipped in the engine jar is the one `litgraph train` makes from the corpora here: it records the
 * SHA-256 of every training and dev file, and they match the files in ../shared/corpora (a changed corpus means a
 * stale model: retrain). It also carries its linker and its dev scores.
 */
class ShippedModelTest {

    @Test
    void theShippedModelRecordsTheCorporaItWasTrainedOn() throws Exception {
        RecognizerModel model = RecognizerModel.builtin();
        assertNotNull(model, "no model at " + RecognizerModel.RESOURCE + ": run ./bin/litgraph train");
        assertNotNull(model.linker(), "the model has a trained linker");
        assertTrue(model.featureCount() > 50_000, "features: " + model.featureCount());
        assertTrue(model.metadata().get("code").startsWith("litgraph-nlp-"), model.metadata().toString());
        assertTrue(model.metadata().get("devMentionF1").contains("BioRED/GeneOrGeneProduct"), model.metadata().toString());

        Map<String, String> recorded = new HashMap<>();
        for (String pair : model.metadata().get("corpora").split(";")) {
            String[] kv = pair.split("=");
            recorded.put(kv[0], kv[1]);
        }
        Path corpora = TestPaths.shared().resolve("corpora");
        assertTrue(Files.isDirectory(corpora), "the gold corpora are needed at " + corpora);
        for (TrainingCorpus c : TrainingCorpus.standard(corpora)) {
            String name = c.file().getFileName().toString();
            assertEquals(RecognizerTrainer.sha256(c.file()), recorded.get(name), name + " changed since the model was trained");
        }
    }
}
