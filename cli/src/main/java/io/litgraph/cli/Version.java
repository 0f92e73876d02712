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
}
