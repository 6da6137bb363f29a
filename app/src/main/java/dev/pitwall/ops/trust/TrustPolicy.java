package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import java.util.Map;
import java.util.Optional;

/**
 * The expected execution modes: per worker group (AP_WORKER_GROUP_ID, or "shared") and per namespace. A group's own
 * entry wins over its namespace's.
 *
 * @param source where the policy was read from, for messages
 */
public record TrustPolicy(String source, Map<String, PolicyEntry> groups, Map<String, PolicyEntry> namespaces) {

    public TrustPolicy {
        groups = Map.copyOf(groups);
        namespaces = Map.copyOf(namespaces);
    }

    public static TrustPolicy empty(String source) {
        return new TrustPolicy(source, Map.of(), Map.of());
    }

    /** The entry that applies to a workload of {@code group} in {@code namespace}, with what it is keyed by. */
    public Optional<Expectation> expectationFor(String group, String namespace) {
        PolicyEntry byGroup = groups.get(group);
        if (byGroup != null) {
            return Optional.of(new Expectation(byGroup, "group " + group));
        }
        PolicyEntry byNamespace = namespaces.get(namespace);
        return byNamespace == null ? Optional.empty()
                : Optional.of(new Expectation(byNamespace, "namespace " + namespace));
    }

    /**
     * A policy entry as it applies to one workload; or, when no policy speaks of it, what the workload's own
     * revision history expects ({@link #fromHistory}), so that screens and the fix treat both alike.
     */
    public record Expectation(PolicyEntry entry, String keyedBy) {

        /** The rule of an expectation that comes from the revision history, not from a policy. */
        static final String HISTORY = "revision history";

        /** What the revision history expects: {@code revisions} names where it comes from ("revisions 3-4"). */
        public static Expectation fromHistory(ExecutionMode mode, String revisions) {
            return new Expectation(new PolicyEntry(mode, HISTORY, null), revisions);
        }

        public ExecutionMode mode() {
            return entry.mode();
        }

        /** No policy said it: the workload's own history did. */
        public boolean fromHistory() {
            return HISTORY.equals(entry.rule());
        }

        /** "SANDBOX_PROCESS (group wg-acme, trustedEnvironment: true)", "SANDBOX_PROCESS (history: revisions 3-4)". */
        public String text() {
            if (fromHistory()) {
                return entry.mode().name() + " (history: " + keyedBy + ")";
            }
            return entry.mode().name() + " (" + keyedBy + ("executionMode".equals(entry.rule()) ? ""
                    : ", " + entry.rule()) + ")";
        }
    }
}
