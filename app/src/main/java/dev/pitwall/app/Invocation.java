package dev.pitwall.app;

import dev.pitwall.cli.OptionSpec;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.cli.UsageException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line split into the shared options (wherever they stand), the subcommand name, and the subcommand's own
 * arguments.
 */
record Invocation(ParsedArgs global, String command, List<String> commandArgs) {

    static Invocation parse(String[] args) {
        Map<String, OptionSpec> known = new HashMap<>();
        GlobalOptions.ALL.forEach(s -> known.put(s.name(), s));
        List<String> globalArgs = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        String command = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            OptionSpec spec = known.get(name);
            if (spec != null) {
                globalArgs.add(arg);
                if (spec.takesValue() && !arg.contains("=")) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option " + name + " needs a value (" + spec.valueName() + ")");
                    }
                    globalArgs.add(args[++i]);
                }
            } else if (command == null && !arg.startsWith("-")) {
                command = arg;
            } else if (command == null) {
                throw new UsageException("unknown option: " + name);
            } else {
                rest.add(arg);
            }
        }
        return new Invocation(ParsedArgs.parse(globalArgs, GlobalOptions.ALL), command, List.copyOf(rest));
    }
}
