package io.litgraph.cli;

/** Exit codes, listed in {@code litgraph --help}. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran; some of its work failed (rejected documents, replay errors). */
    public static final int FAILED = 1;
    /** Invalid usage: picocli's own code for parameter errors. */
    public static final int USAGE = 2;
    public static final int USER_ERROR = 3;
    /** EX_SOFTWARE from sysexits.h: a bug. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
