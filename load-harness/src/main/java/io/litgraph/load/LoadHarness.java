package io.litgraph.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./bin/litgraph bench …} and the fault tests' raw producer. */
@Command(name = "litgraph-load-harness", mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.class, ProduceCommand.class, LagCommand.class, DeadLettersCommand.class},
        description = "Load and fault tooling for a running litgraph stack (traffic to 127.0.0.1 only).")
public class LoadHarness implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadHarness()).execute(args));
    }
}
