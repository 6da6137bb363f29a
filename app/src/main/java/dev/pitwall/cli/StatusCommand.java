package dev.pitwall.cli;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.BackendProbe;
import dev.pitwall.ops.connect.ProbeResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Supplier;

/** {@code pitwall status}: asks every configured back-end whether it answers. Exit 0 all answer, 1 otherwise. */
public final class StatusCommand implements Command {

    private final Supplier<ConnectionProfile> profile;
    private final List<BackendProbe> probes;

    public StatusCommand(Supplier<ConnectionProfile> profile, List<BackendProbe> probes) {
        this.profile = profile;
        this.probes = probes;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "check that each back-end of the profile answers";
    }

    @Override
    public String synopsis() {
        return "[--json]";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.flag("--json", "print a JSON array instead of lines"));
    }

    @Override
    public int run(ParsedArgs args, PrintStream out, PrintStream err) {
        ConnectionProfile p = profile.get();
        boolean allOk = true;
        List<Map<String, String>> rows = new ArrayList<>();
        for (BackendKind kind : BackendKind.values()) {
            ProbeResult r = p.isConfigured(kind) ? probeFor(kind).probe(p) : null;
            allOk &= r == null || r.ok();
            String state = r == null ? "not-configured" : r.ok() ? "ok" : "error";
            String message = r == null ? "" : r.message();
            Map<String, String> row = new LinkedHashMap<>();
            row.put("backend", kind.name().toLowerCase());
            row.put("state", state);
            row.put("message", message);
            rows.add(row);
            if (!args.has("--json")) {
                out.printf("%-11s %-15s %s%n", kind.displayName(), state, message);
            }
        }
        if (args.has("--json")) {
            out.println(CliJson.write(rows));
        }
        return allOk ? 0 : 1;
    }

    private BackendProbe probeFor(BackendKind kind) {
        return probes.stream().filter(p -> p.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("no probe for " + kind));
    }
}
