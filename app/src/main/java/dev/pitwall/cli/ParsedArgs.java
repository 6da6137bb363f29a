package dev.pitwall.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Options and positional arguments parsed against a list of {@link OptionSpec}s. */
public final class ParsedArgs {

    private final Map<String, List<String>> values;
    private final List<String> positionals;

    private ParsedArgs(Map<String, List<String>> values, List<String> positionals) {
        this.values = values;
        this.positionals = positionals;
    }

    /**
     * Parses {@code args}; "--name value" and "--name=value" both work; "--" ends the options.
     *
     * @throws UsageException on an unknown option, a missing value, or a repeated single option
     */
    public static ParsedArgs parse(List<String> args, List<OptionSpec> specs) {
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                positionals.add(arg);
                continue;
            }
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            OptionSpec spec = byName.get(name);
            if (spec == null) {
                throw new UsageException("unknown option: " + name);
            }
            String value;
            if (spec.takesValue()) {
                if (inline != null) {
                    value = inline;
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("option " + name + " needs a value (" + spec.valueName() + ")");
                }
            } else {
                if (inline != null) {
                    throw new UsageException("option " + name + " takes no value");
                }
                value = "true";
            }
            List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!list.isEmpty() && !spec.repeatable()) {
                throw new UsageException("option " + name + " given twice");
            }
            list.add(value);
        }
        return new ParsedArgs(values, List.copyOf(positionals));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> value(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    public List<String> positionals() {
        return positionals;
    }

    /** A whole-number option with a default; a non-number is a usage error that names the option. */
    public long longValue(String name, long defaultValue) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " needs a whole number, got: " + v.get());
        }
    }

    public double doubleValue(String name, double defaultValue) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v.get().trim());
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " needs a number, got: " + v.get());
        }
    }
}
