package dev.pitwall.app;

import dev.pitwall.cli.Command;
import dev.pitwall.cli.OptionSpec;

import java.util.List;

/** The --help pages: the whole program, or one command. */
final class HelpText {

    private HelpText() {
    }

    static String program(List<Command> commands) {
        StringBuilder b = new StringBuilder();
        b.append("Usage: pitwall [OPTIONS]                 open the console\n");
        b.append("       pitwall [OPTIONS] COMMAND [ARGS]  run a command headless\n\n");
        b.append("Pitwall watches Activepieces-style worker fleets: Kubernetes workers, BullMQ queues in Redis and\n");
        b.append("the platform API. Connection options work for the console and every command.\n\n");
        b.append("Options:\n");
        options(b, GlobalOptions.ALL);
        b.append("\nCommands:\n");
        for (Command c : commands) {
            b.append(String.format("  %-12s %s%n", c.name(), c.summary()));
        }
        b.append("\n'pitwall COMMAND --help' shows a command's own options.\n");
        b.append("Exit codes: 0 success, 1 a check or action failed, 2 usage error or back-end unreachable.\n");
        return b.toString();
    }

    static String command(Command c) {
        StringBuilder b = new StringBuilder();
        b.append("Usage: pitwall [OPTIONS] ").append(c.name()).append(' ').append(c.synopsis()).append("\n\n");
        b.append(c.summary()).append("\n");
        if (!c.options().isEmpty()) {
            b.append("\nCommand options:\n");
            options(b, c.options());
        }
        b.append("\nConnection options (see pitwall --help) apply too.\n");
        return b.toString();
    }

    static String shortUsage() {
        return "Usage: pitwall [OPTIONS] [COMMAND [ARGS]]   (pitwall --help lists everything)";
    }

    private static void options(StringBuilder b, List<OptionSpec> specs) {
        for (OptionSpec s : specs) {
            b.append(String.format("  %-32s %s%s%n", s.synopsis(), s.help(), s.repeatable() ? " (repeatable)" : ""));
        }
    }
}
