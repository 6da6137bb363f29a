package dev.pitwall.cli;

import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.WriteRefused;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Where a command asks the operator to type a confirmation.
 *
 * @param interactive whether someone is at a terminal (without one, production writes need {@code --yes})
 * @param readLine    one typed line, null at the end of input
 */
public record Terminal(boolean interactive, Supplier<String> readLine) {

    /** The {@code --yes} flag of every write command. */
    public static final OptionSpec YES = OptionSpec.flag("--yes",
            "confirm without typing (scripts; recorded in the audit log); without a terminal, production needs it");

    /**
     * How a write command is confirmed: {@code --yes}; else a production write asks on the terminal, and is refused
     * without one; else (a confirmation every connection asks for) one line is read, typed or piped.
     *
     * @param production whether the connection is production
     */
    public Confirmer confirmer(ParsedArgs args, boolean production, PrintStream prompt) {
        if (args.has(YES.name())) {
            return Confirmer.yes();
        }
        if (production && !interactive) {
            return Confirmer.nobody("there is no terminal to type it on: give --yes");
        }
        return (expected, what) -> {
            prompt.print((production ? "production: type " : "type ") + expected + " to confirm (" + what + "): ");
            prompt.flush();
            String line = readLine.get();
            if (line == null) {
                throw new WriteRefused("no confirmation was typed; nothing was changed");
            }
            return Confirmer.typed(line).confirm(expected, what);
        };
    }
}
