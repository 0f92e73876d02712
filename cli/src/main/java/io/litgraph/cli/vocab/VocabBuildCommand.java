package io.litgraph.cli.vocab;

import io.litgraph.cli.ExitCodes;
import io.litgraph.cli.UserException;
import io.litgraph.nlp.vocab.Vocabulary;
import io.litgraph.nlp.vocab.VocabularyBuilder;
import io.litgraph.nlp.vocab.VocabularySources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Compiles a vocabulary artifact from whatever source files are found (see VocabularySources.discover). */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Compile a vocabulary artifact for the engine (entity-service: LITGRAPH_VOCAB_PATH;"
                + " litgraph annotate/evaluate: --vocab).",
                "Sources are optional and found by layout: --debian is a folder where the Debian packages"
                        + " (r-bioc-org.hs.eg.db, r-bioc-go.db …) were unpacked; --shared a vocabulary folder"
                        + " with mesh/, disease_ontology/, cell_ontology/, chebi/. Without any, the artifact holds"
                        + " the builtin core vocabulary."})
public class VocabBuildCommand implements Callable<Integer> {
    @Option(names = "--debian", paramLabel = "DIR", description = "folder with unpacked Debian vocabulary packages")
    Path debian;

    @Option(names = "--shared", paramLabel = "DIR", description = "shared vocabulary folder (mesh/, chebi/ …)")
    Path shared;

    @Option(names = "--mesh-xml", paramLabel = "FILE", description = "NLM MeSH descriptor XML (desc20xx.xml[.gz])")
    Path meshXml;

    @Option(names = "--gene-info", paramLabel = "FILE", description = "NCBI gene_info TSV")
    Path geneInfo;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "artifact to write")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        requireDirectory("--debian", debian);
        requireDirectory("--shared", shared);
        requireFile("--mesh-xml", meshXml);
        requireFile("--gene-info", geneInfo);
        VocabularySources sources = VocabularySources.discover(debian, shared);
        if (meshXml != null) {
            sources = sources.withMeshXml(meshXml);
        }
        if (geneInfo != null) {
            sources = sources.withGeneInfo(geneInfo);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("sources: " + (sources.present().isEmpty() ? "none found (builtin core vocabulary only)" : sources.present()));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long started = System.nanoTime();
        Vocabulary vocabulary = VocabularyBuilder.build(sources, out);
        stdout.printf("wrote %s: vocabulary %s, %d concepts, %d terms (%.1f s)%n", out, vocabulary.version(),
                vocabulary.concepts().size(), vocabulary.terms().size(), (System.nanoTime() - started) / 1e9);
        return ExitCodes.OK;
    }

    private static void requireDirectory(String option, Path dir) {
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserException(option + ": not a folder: " + dir);
        }
    }

    private static void requireFile(String option, Path file) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new UserException(option + ": no such file: " + file);
        }
    }
}
