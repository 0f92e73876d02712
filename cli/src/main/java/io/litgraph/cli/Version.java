package io.litgraph.cli;

import io.litgraph.nlp.Engine;
import picocli.CommandLine;

/** Prints the CLI's and the engine's version. */
public class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String cli = LitgraphCli.class.getPackage().getImplementationVersion();
        return new String[]{"litgraph " + (cli == null ? "development build" : cli), "engine " + Engine.ENGINE_VERSION};
    }

    /** The engine version and, when the launcher knows it ($LITGRAPH_GIT_COMMIT), the source commit. */
    public static String codeVersion() {
        String commit = System.getenv("LITGRAPH_GIT_COMMIT");
        return commit == null || commit.isBlank() ? Engine.ENGINE_VERSION : Engine.ENGINE_VERSION + "@" + commit.strip();
    }
}
