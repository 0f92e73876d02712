package io.litgraph.cli.vocab;

import picocli.CommandLine.Command;

@Command(name = "vocab", mixinStandardHelpOptions = true, description = "Build the engine's vocabulary artifact.",
        subcommands = {VocabBuildCommand.class})
public class VocabCommand {
}
