package dev.pitwall.cli;

import java.io.PrintStream;
import java.util.List;

/** A headless subcommand: {@code pitwall <name> [options]}. Connection options are parsed before it runs. */
public interface Command {

    /** The word after "pitwall", e.g. "fleet" or "replay". */
    String name();

    /** One line for the command list in --help. */
    String summary();

    /** The usage lines after "pitwall <name> ", e.g. "[--json]". */
    String synopsis();

    /** The options this command accepts, besides the shared connection options. */
    List<OptionSpec> options();

    /**
     * Runs the command. Returns the exit code: 0 success, 1 the check or action failed, 2 usage error, other codes as
     * the command documents.
     */
    int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception;
}
