package io.litgraph.cli.evaluate;

import io.litgraph.cli.ExitCodes;
import io.litgraph.cli.UserException;
import io.litgraph.cli.engine.EngineOptions;
import io.litgraph.nlp.Concept;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.eval.Evaluator;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;
import io.litgraph.nlp.ner.TrainingCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** Scores the engine against PubTator gold files with nlp's Evaluator and prints its tables. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score the engine against gold PubTator files (e.g. BioRED, BC5CDR, NCBI disease).",
                "Mentions: strict span + type; normalization and relations: document level."})
public class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--gold", paramLabel = "FILE", required = true, arity = "1..*",
            description = "gold PubTator file(s)")
    List<Path> gold;

    @Option(names = "--org-hs-eg", paramLabel = "SQLITE",
            description = "org.Hs.eg.db SQLite: score gene ids of human genes only (multi-species corpora)")
    Path orgHsEg;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "first N documents of each file (0: all)")
    int limit;

    @Option(names = "--errors", paramLabel = "FILE", description = "write the individual errors to FILE")
    Path errorsOut;

    @Option(names = "--held-out", description = "score only the documents `litgraph train` holds out of a corpus"
            + " without a dev split (every " + TrainingCorpus.HOLDOUT_EVERY + "th in file order; GNormPlus, NLM-Gene)")
    boolean heldOut;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        for (Path g : gold) {
            if (!Files.isRegularFile(g)) {
                throw new UserException("--gold: no such file: " + g);
            }
        }
        if (orgHsEg != null && !Files.isRegularFile(orgHsEg)) {
            throw new UserException("--org-hs-eg: no such file: " + orgHsEg);
        }
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Engine engine = engineOptions.load(spec.commandLine().getErr());
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        Set<String> humanGenes = orgHsEg == null ? null : Evaluator.humanGenes(orgHsEg);
        Map<String, Concept> concepts = new HashMap<>();
        for (Concept c : engine.vocabulary().concepts()) {
            concepts.put(c.id(), c);
        }
        Evaluator evaluator = new Evaluator(engine, humanGenes, concepts);
        out.printf(Locale.ROOT, "engine %s, vocabulary %s (%d concepts, loaded in %.1f s); human gene filter: %s%n%n",
                engine.engineVersion(), engine.vocabularyVersion(), concepts.size(), loadSeconds,
                humanGenes == null ? "off" : orgHsEg);
        List<String> errors = errorsOut == null ? null : new ArrayList<>();
        for (Path g : gold) {
            List<PubTatorDocument> documents = PubTatorReader.read(g);
            if (heldOut) {
                List<PubTatorDocument> kept = new ArrayList<>();
                for (int i = 0; i < documents.size(); i++) {
                    if (TrainingCorpus.heldOut(i)) {
                        kept.add(documents.get(i));
                    }
                }
                documents = kept;
            }
            if (limit > 0 && documents.size() > limit) {
                documents = documents.subList(0, limit);
            }
            if (documents.isEmpty()) {
                throw new UserException(g + " holds no PubTator document");
            }
            long t = System.nanoTime();
            Evaluator.Report report = evaluator.evaluate(g.getFileName().toString() + (heldOut ? " (held-out part)" : ""),
                    documents, errors);
            out.println(Evaluator.table(report));
            out.printf(Locale.ROOT, "(%.1f s)%n%n", (System.nanoTime() - t) / 1e9);
        }
        if (errorsOut != null) {
            Files.write(errorsOut, errors);
            out.println("errors written to " + errorsOut);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
