package io.litgraph.cli.annotate;

import io.litgraph.cli.ExitCodes;
import io.litgraph.cli.UserException;
import io.litgraph.cli.engine.EngineOptions;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.io.BioCDocument;
import io.litgraph.nlp.io.BioCJsonReader;
import io.litgraph.nlp.io.BioCJsonWriter;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;
import io.litgraph.nlp.io.IdConvention;
import io.litgraph.nlp.io.PubTatorWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Runs the engine locally: no Kafka, no database, no service. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Annotate documents offline with the engine (stdin to stdout by default).",
                "PubTator output: per document its |t| and |a| lines, one line per mention"
                        + " (PMID, start, end, text, type, CURIE) and one per document-level relation"
                        + " (PMID, type, CURIE1, CURIE2). Plain text: the first line is the title when more lines"
                        + " follow (PubTator convention: the body starts at title length + 1)."})
public class AnnotateCommand implements Callable<Integer> {
    public enum InputFormat { pubtator, text, biocjson }

    public enum OutputFormat { pubtator, biocjson }

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "input file (default: stdin)")
    Path input;

    @Option(names = "--in", paramLabel = "FORMAT",
            description = "input format: ${COMPLETION-CANDIDATES} (default: from the extension, .pubtator/.json, else text)")
    InputFormat in;

    @Option(names = "--out", paramLabel = "FORMAT", defaultValue = "pubtator",
            description = "output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    OutputFormat out;

    @Option(names = "--id", paramLabel = "ID", defaultValue = "1", description = "document id for text input (default ${DEFAULT-VALUE})")
    String id;

    @Option(names = "--ids", paramLabel = "CONVENTION", defaultValue = "native",
            description = "identifiers: native (litgraph's: ChEBI, Disease Ontology ... where they define the concept)"
                    + " or mesh (PubTator's: MeSH for chemicals and diseases whenever a cross-reference exists);"
                    + " default ${DEFAULT-VALUE}")
    String ids;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        InputFormat format = in != null ? in : guess(input);
        if (input != null && !Files.isRegularFile(input)) {
            throw new UserException("--input: no such file: " + input);
        }
        IdConvention convention = switch (ids.toLowerCase(Locale.ROOT)) {
            case "native" -> IdConvention.NATIVE;
            case "mesh" -> IdConvention.MESH;
            default -> throw new UserException("--ids: native or mesh, not " + ids);
        };
        Engine engine = engineOptions.load(spec.commandLine().getErr());
        PrintWriter stdout = spec.commandLine().getOut();
        try (InputStream stream = input == null ? System.in : Files.newInputStream(input)) {
            if (format == InputFormat.pubtator && out == OutputFormat.pubtator) {
                // streamed, one document at a time: PubTator dumps run to gigabytes
                int[] count = {0};
                try {
                    PubTatorReader.stream(new InputStreamReader(stream, StandardCharsets.UTF_8), d -> {
                        InputDocument document = d.toInput();
                        try {
                            PubTatorWriter.write(document, convention.apply(engine.annotate(document)), stdout);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        count[0]++;
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                stdout.flush();
                if (count[0] == 0) {
                    throw new UserException("no document in the input (format " + format + ")");
                }
                return ExitCodes.OK;
            }
            List<InputDocument> documents = read(format, stream);
            if (documents.isEmpty()) {
                throw new UserException("no document in the input (format " + format + ")");
            }
            List<BioCJsonWriter.Item> results = new ArrayList<>(documents.size());
            for (InputDocument d : documents) {
                results.add(new BioCJsonWriter.Item(d, convention.apply(engine.annotate(d))));
            }
            write(results, stdout);
        }
        return ExitCodes.OK;
    }

    private List<InputDocument> read(InputFormat format, InputStream stream) throws IOException {
        Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8);
        return switch (format) {
            case pubtator -> PubTatorReader.read(reader).stream().map(PubTatorDocument::toInput).toList();
            case biocjson -> {
                try {
                    yield BioCJsonReader.read(stream).stream().map(BioCDocument::toInput).toList();
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new UserException("not valid BioC JSON: " + e.getOriginalMessage());
                }
            }
            case text -> {
                String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                yield text.isBlank() ? List.of() : List.of(fromText(id, text));
            }
        };
    }

    /** First line as title when more text follows; offsets stay those of the file for \n line ends. */
    static InputDocument fromText(String id, String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int newline = content.indexOf('\n');
        if (newline < 0 || content.substring(newline + 1).isBlank() || content.substring(0, newline).isBlank()) {
            return InputDocument.of(id, null, content.stripTrailing());
        }
        String title = content.substring(0, newline);
        if (title.endsWith("\r")) {
            title = title.substring(0, title.length() - 1);
        }
        return InputDocument.of(id, title, content.substring(newline + 1).stripTrailing());
    }

    private void write(List<BioCJsonWriter.Item> results, PrintWriter stdout) throws IOException {
        if (out == OutputFormat.biocjson) {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            BioCJsonWriter.write(results, json);
            stdout.println(json.toString(StandardCharsets.UTF_8));
        } else {
            for (BioCJsonWriter.Item r : results) {
                PubTatorWriter.write(r.input(), r.annotated(), stdout);
            }
        }
        stdout.flush();
    }

    private static InputFormat guess(Path file) {
        if (file == null) {
            return InputFormat.text;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pubtator") || name.endsWith(".pubtator3") || name.endsWith(".pubtator.txt")) {
            return InputFormat.pubtator;
        }
        if (name.endsWith(".json") || name.endsWith(".bioc.json")) {
            return InputFormat.biocjson;
        }
        return InputFormat.text;
    }
}
