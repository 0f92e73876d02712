package io.litgraph.cli;

import io.litgraph.cli.annotate.AnnotateCommand;
import io.litgraph.cli.dlq.DlqCommand;
import io.litgraph.cli.evaluate.EvaluateCommand;
import io.litgraph.cli.export.ExportCommand;
import io.litgraph.cli.ingest.IngestCommand;
import io.litgraph.cli.reannotate.ReannotateCommand;
import io.litgraph.cli.summary.SummaryCommand;
import io.litgraph.cli.topics.TopicsCommand;
import io.litgraph.cli.vocab.VocabCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code litgraph <command>}: the Java half of bin/litgraph (up/down/status/test stay in bash). */
@Command(name = "litgraph", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "litgraph command-line tool: annotate text offline, evaluate the engine, build vocabularies,"
                + " create Kafka topics, ingest files, handle dead letters and summarize a running stack.",
        subcommands = {AnnotateCommand.class, EvaluateCommand.class, VocabCommand.class, TopicsCommand.class,
                IngestCommand.class, ExportCommand.class, DlqCommand.class, SummaryCommand.class, ReannotateCommand.class, io.litgraph.cli.train.TrainCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the command ran and something failed (e.g. a document was rejected)",
                "2:invalid usage (unknown option, missing argument)", "3:a user error (file not found, unreachable server …)",
                "70:an internal error (a bug: please report the stack trace)"})
public class LitgraphCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LitgraphCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
