package io.litgraph.cli.dlq;

import picocli.CommandLine.Command;

@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Inspect and re-drive records on the dead-letter topic (litgraph.dead-letter.v1).",
        subcommands = {DlqListCommand.class, DlqReplayCommand.class})
public class DlqCommand {
    /** The consumer group whose committed offset marks how far the dead-letter topic has been replayed. */
    public static final String REPLAY_GROUP = "litgraph-dlq-replay";
}
