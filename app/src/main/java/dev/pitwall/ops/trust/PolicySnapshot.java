package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A policy file made from today's declared modes, for the user to review and save when there is none. Written as
 * YAML text with comments (where each value comes from), so that reviewing it needs no other tool. A group whose
 * workloads declare no known mode, or several different ones, is left commented out: a snapshot must not make an
 * unknown value the expected one.
 */
public final class PolicySnapshot {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private PolicySnapshot() {
    }

    public static String yaml(List<TrustWorkload> workloads, Instant at) {
        Map<String, List<TrustWorkload>> byGroup = new TreeMap<>();
        for (TrustWorkload w : workloads) {
            byGroup.computeIfAbsent(w.group(), k -> new ArrayList<>()).add(w);
        }
        StringBuilder out = new StringBuilder();
        out.append("# Pitwall trust policy: the execution modes declared in the cluster at ").append(at).append(".\n");
        out.append("# Review every entry before saving: a snapshot makes today's declared modes the expected ones,\n");
        out.append("# drift included. Modes: ").append(ExecutionMode.names()).append(".\n");
        out.append("# Older installs may write 'trustedEnvironment: true' (SANDBOX_PROCESS) or false\n");
        out.append("# (SANDBOX_CODE_AND_PROCESS) instead of executionMode.\n");
        out.append("version: ").append(TrustPolicyParser.VERSION).append('\n');
        out.append("groups:");
        if (byGroup.isEmpty()) {
            out.append(" {}\n# no worker workload was found\n");
            return out.toString();
        }
        out.append('\n');
        byGroup.forEach((group, members) -> entry(out, group, members));
        return out.toString();
    }

    private static void entry(StringBuilder out, String group, List<TrustWorkload> workloads) {
        List<String> where = workloads.stream().map(w -> w.ref() + " declares " + w.declared().reading().text()
                + (w.declared().set() ? "" : " (AP_EXECUTION_MODE not set: app default)")).toList();
        ModeReading first = workloads.get(0).declared().reading();
        boolean agree = workloads.stream().allMatch(w -> w.declared().reading().matches(first));
        if (!first.isKnown() || !agree) {
            out.append("  # ").append(key(group)).append(": left out, choose its mode:");
            where.forEach(w -> out.append("\n  #   ").append(w));
            out.append('\n');
            return;
        }
        out.append("  ").append(key(group)).append(":\n");
        where.forEach(w -> out.append("    # ").append(w).append('\n'));
        out.append("    executionMode: ").append(first.mode().name()).append('\n');
        out.append("    # smoke: {flowId: FLOW_ID, projectId: PROJECT_ID}\n");
    }

    private static String key(String name) {
        if (PLAIN_KEY.matcher(name).matches()) {
            return name;
        }
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
