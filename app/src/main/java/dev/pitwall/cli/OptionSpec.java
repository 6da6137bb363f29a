package dev.pitwall.cli;

/**
 * One command-line option. {@code valueName} is null for a flag that takes no value.
 */
public record OptionSpec(String name, String valueName, String help, boolean repeatable) {

    public static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, null, help, false);
    }

    public static OptionSpec value(String name, String valueName, String help) {
        return new OptionSpec(name, valueName, help, false);
    }

    public static OptionSpec repeated(String name, String valueName, String help) {
        return new OptionSpec(name, valueName, help, true);
    }

    public boolean takesValue() {
        return valueName != null;
    }

    /** "--size WxH" or "--json", as shown in usage. */
    public String synopsis() {
        return takesValue() ? name + " " + valueName : name;
    }
}
