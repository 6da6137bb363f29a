package dev.pitwall.testing;

import dev.pitwall.cli.Command;
import dev.pitwall.cli.ParsedArgs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The outcome of one in-process command line: exit code, stdout, stderr. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code body} with two capturing streams and returns what it printed. */
    public static CliRun capture(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = body.run(o, e);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs one command with {@code args} parsed against its options, as the launcher does. */
    public static CliRun command(Command command, String... args) {
        return capture((out, err) -> {
            try {
                return command.run(ParsedArgs.parse(List.of(args), command.options()), out, err);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @FunctionalInterface
    public interface Body {
        int run(PrintStream out, PrintStream err);
    }
}
