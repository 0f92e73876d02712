package io.litgraph.cli;

import picocli.CommandLine;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Prints user errors as one line ({@code litgraph annotate: no such file: x.txt}); only unexpected
 * exceptions, i.e. bugs, get a stack trace.
 */
class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        String command = cli.getCommandSpec().qualifiedName();
        String message = userMessage(e);
        if (message != null) {
            cli.getErr().println(cli.getColorScheme().errorText(command + ": " + message));
            return ExitCodes.USER_ERROR;
        }
        cli.getErr().println(cli.getColorScheme().errorText(command + ": internal error: " + e));
        e.printStackTrace(cli.getErr());
        return ExitCodes.INTERNAL;
    }

    /** The message to show for an error the user caused or can fix, null for a bug. */
    static String userMessage(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof UserException) {
            return t.getMessage();
        }
        if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
            return "no such file: " + t.getMessage();
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied: " + t.getMessage();
        }
        if (t instanceof ConnectException) {
            return "cannot connect: " + (t.getMessage() == null ? "connection refused" : t.getMessage());
        }
        if (t instanceof IOException) {
            return t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        return null;
    }
}
