package io.litgraph.cli.engine;

import io.litgraph.cli.UserException;
import io.litgraph.nlp.Engine;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --vocab}: which vocabulary the engine uses (a mixin shared by annotate and evaluate). */
public class EngineOptions {
    @Option(names = "--vocab", paramLabel = "ARTIFACT", defaultValue = "${env:LITGRAPH_VOCAB_PATH}",
            description = "compiled vocabulary artifact (litgraph vocab build); default: $LITGRAPH_VOCAB_PATH,"
                    + " else the builtin core vocabulary")
    public Path vocab;

    /**
     * Engine.load quietly falls back to the builtin vocabulary for a missing file; a user who named a
     * file wants to hear that it is not there.
     */
    public Engine load() {
        if (vocab == null) {
            return Engine.builtin();
        }
        if (!Files.isRegularFile(vocab) || !Files.isReadable(vocab)) {
            throw new UserException("--vocab: no readable vocabulary artifact at " + vocab);
        }
        return Engine.load(vocab);
    }
}
