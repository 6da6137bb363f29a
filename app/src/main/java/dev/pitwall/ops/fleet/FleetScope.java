package dev.pitwall.ops.fleet;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.LabelSelector;

import java.util.List;

/**
 * Which objects are the fleet: worker workloads and pods carry {@code workers}; the namespaces are those labelled with
 * {@code namespaceSelector} plus those named, or every namespace when neither is given.
 */
public record FleetScope(LabelSelector workers, LabelSelector namespaceSelector, List<String> namespaces) {

    /** The worker label of the Activepieces Helm chart's worker pods, used when the profile names none. */
    public static final LabelSelector DEFAULT_WORKERS = new LabelSelector("app.kubernetes.io/component", "worker");

    public FleetScope {
        java.util.Objects.requireNonNull(workers, "workers");
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    }

    /** The profile's selectors; throws IllegalArgumentException with the reason when one does not parse. */
    public static FleetScope of(ConnectionProfile profile) {
        LabelSelector workers = blank(profile.workerSelector()) ? DEFAULT_WORKERS
                : LabelSelector.parse(profile.workerSelector());
        LabelSelector namespaces = blank(profile.namespaceSelector()) ? null
                : LabelSelector.parse(profile.namespaceSelector());
        return new FleetScope(workers, namespaces, profile.namespaces());
    }

    /** True when only some namespaces are watched. */
    public boolean restricted() {
        return namespaceSelector != null || !namespaces.isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
