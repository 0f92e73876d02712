package io.litgraph.cli.topics;

import picocli.CommandLine.Command;

@Command(name = "topics", mixinStandardHelpOptions = true, description = "Manage litgraph's Kafka topics.",
        subcommands = {TopicsCreateCommand.class})
public class TopicsCommand {
}
