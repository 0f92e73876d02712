package io.litgraph.cli.train;

import io.litgraph.cli.ExitCodes;
import io.litgraph.cli.UserException;
import io.litgraph.cli.Version;
import io.litgraph.nlp.ner.RecognizerModel;
import io.litgraph.nlp.ner.RecognizerTrainer;
import io.litgraph.nlp.ner.TrainingCorpus;
import io.litgraph.nlp.vocab.Vocabulary;
import io.litgraph.nlp.vocab.VocabularyArtifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Trains the mention recognizer from the gold corpora (deterministic: same inputs, same model bytes). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the engine's mention recognizer on the gold corpora's train splits, choosing the"
                + " number of epochs on their dev splits (GNormPlus and NLM-Gene: every 5th document held out).",
                "Deterministic for the same corpora, vocabulary and settings; the model records the code version,"
                        + " the corpora files' SHA-256 and the dev scores."})
public class TrainCommand implements Callable<Integer> {
    @Option(names = "--corpora", paramLabel = "DIR", required = true,
            description = "folder laid out like ../shared/corpora (BioRED/, BC5CDR/, NCBI-disease/, ...)")
    Path corpora;

    @Option(names = "--vocab", paramLabel = "ARTIFACT", required = true,
            description = "compiled vocabulary artifact whose hits the model learns to read (litgraph vocab build)")
    Path vocab;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "model file to write")
    Path out;

    @Option(names = "--max-epochs", defaultValue = "20", description = "most passes over the training data (default ${DEFAULT-VALUE})")
    int maxEpochs;

    @Option(names = "--seed", defaultValue = "20261206", description = "shuffling seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--limit", defaultValue = "0", description = "first N documents of each corpus file (0: all; for quick runs)")
    int limit;

    @Option(names = "--linker-only", paramLabel = "MODEL",
            description = "keep MODEL's mention tagger and retrain only its concept linker (quick experiments)")
    Path linkerOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(corpora)) {
            throw new UserException("--corpora: not a folder: " + corpora);
        }
        if (!Files.isRegularFile(vocab)) {
            throw new UserException("--vocab: no vocabulary artifact at " + vocab);
        }
        List<TrainingCorpus> set = TrainingCorpus.standard(corpora);
        for (TrainingCorpus c : set) {
            if (!Files.isRegularFile(c.file())) {
                throw new UserException("--corpora: missing " + corpora.relativize(c.file()));
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Vocabulary vocabulary = VocabularyArtifact.read(vocab);
        RecognizerTrainer.Settings defaults = RecognizerTrainer.Settings.defaults();
        RecognizerTrainer.Settings settings = new RecognizerTrainer.Settings(maxEpochs, defaults.minFeatureCount(),
                seed, defaults.negativeCaptionEvery(), limit);
        RecognizerTrainer trainer = new RecognizerTrainer(vocabulary, line -> {
            stdout.println(line);
            stdout.flush();
        });
        RecognizerModel model;
        if (linkerOnly != null) {
            if (!Files.isRegularFile(linkerOnly)) {
                throw new UserException("--linker-only: no such model: " + linkerOnly);
            }
            model = trainer.retrainLinker(RecognizerModel.read(linkerOnly), set, settings, Version.codeVersion(), out);
        } else {
            model = trainer.train(set, settings, Version.codeVersion(), out);
        }
        stdout.println("model " + model.version() + ": " + model.featureCount() + " features");
        return ExitCodes.OK;
    }
}
