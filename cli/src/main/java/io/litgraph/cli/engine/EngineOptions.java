package io.litgraph.cli.engine;

import io.litgraph.cli.UserException;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.ner.RecognizerModel;
import io.litgraph.nlp.vocab.VocabularyArtifact;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --vocab}, {@code --model}, {@code --no-model}: which vocabulary and recognizer the engine uses (a mixin
 * shared by annotate and evaluate). What was loaded is said on standard error, so that a run on the small
 * built-in vocabulary is never mistaken for one on the compiled one.
 */
public class EngineOptions {
    @Option(names = "--vocab", paramLabel = "ARTIFACT", defaultValue = "${env:LITGRAPH_VOCAB_PATH}",
            description = "compiled vocabulary artifact (litgraph vocab build); default: $LITGRAPH_VOCAB_PATH (set by"
                    + " bin/litgraph to the vocabulary `up` compiled), else the builtin core vocabulary")
    public Path vocab;

    @Option(names = "--model", paramLabel = "FILE",
            description = "trained recognizer (litgraph train); default: the one shipped with the engine")
    public Path model;

    @Option(names = "--no-model", description = "dictionary mentions only, no trained recognizer")
    public boolean noModel;

    @Option(names = "--link-threshold", paramLabel = "P",
            description = "lowest probability at which a recognised mention gets a concept (0..1); default: the"
                    + " per-type thresholds chosen on the dev splits. Lower: more mentions named, fewer right")
    public Double linkThreshold;

    /**
     * Engine.load quietly falls back to the builtin vocabulary for a missing file; a user who named a
     * file wants to hear that it is not there.
     */
    public Engine load(PrintWriter notes) {
        if (model != null && noModel) {
            throw new UserException("--model and --no-model exclude each other");
        }
        RecognizerModel recognizer = null;
        if (!noModel) {
            if (model != null) {
                if (!Files.isRegularFile(model)) {
                    throw new UserException("--model: no such file: " + model);
                }
                try {
                    recognizer = RecognizerModel.read(model);
                } catch (IOException e) {
                    throw new UserException("--model: cannot read " + model + ": " + e.getMessage());
                }
            } else {
                recognizer = Engine.shippedModel();
            }
        }
        if (linkThreshold != null) {
            if (linkThreshold < 0 || linkThreshold > 1 || linkThreshold.isNaN()) {
                throw new UserException("--link-threshold: a probability between 0 and 1, not " + linkThreshold);
            }
            if (recognizer == null) {
                throw new UserException("--link-threshold needs a trained recognizer");
            }
            recognizer = recognizer.withLinkThreshold(linkThreshold);
        }
        Engine engine;
        if (vocab == null) {
            engine = new Engine(io.litgraph.nlp.vocab.CoreVocabulary.load(), recognizer);
        } else {
            if (!Files.isRegularFile(vocab) || !Files.isReadable(vocab)) {
                throw new UserException("--vocab: no readable vocabulary artifact at " + vocab);
            }
            try {
                engine = new Engine(VocabularyArtifact.read(vocab), recognizer);
            } catch (IOException e) {
                throw new UserException("--vocab: cannot read " + vocab + ": " + e.getMessage());
            }
        }
        notes.printf("litgraph engine %s: vocabulary %s (%d concepts%s), recognizer %s%n", Engine.ENGINE_VERSION,
                engine.vocabularyVersion(), engine.vocabulary().concepts().size(),
                vocab == null ? ", the built-in core: run `litgraph up` or pass --vocab for the full one" : " from " + vocab,
                recognizer == null ? "none (dictionary mentions only)" : recognizer.version());
        notes.flush();
        return engine;
    }
}
