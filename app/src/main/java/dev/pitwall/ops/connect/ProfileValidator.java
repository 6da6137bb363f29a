package dev.pitwall.ops.connect;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks a profile before it is saved: every configured back-end is asked once; unconfigured ones are skipped. */
public final class ProfileValidator {

    private final Map<BackendKind, BackendProbe> probes;

    public ProfileValidator(List<BackendProbe> probes) {
        this.probes = probes.stream().collect(Collectors.toMap(BackendProbe::kind, Function.identity()));
    }

    public List<ProbeResult> validate(ConnectionProfile profile) {
        List<ProbeResult> results = new ArrayList<>();
        if (profile.name() == null || profile.name().isBlank()) {
            results.add(ProbeResult.failed(BackendKind.KUBERNETES, "the profile needs a name"));
        }
        for (BackendKind kind : BackendKind.values()) {
            BackendProbe probe = probes.get(kind);
            if (probe != null && profile.isConfigured(kind)) {
                results.add(probe.probe(profile));
            }
        }
        return results;
    }

    public static boolean allOk(List<ProbeResult> results) {
        return results.stream().allMatch(ProbeResult::ok);
    }
}
