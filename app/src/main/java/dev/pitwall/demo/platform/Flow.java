package dev.pitwall.demo.platform;

import java.util.List;

/** A flow: its published versions (oldest first) and its steps after the trigger, in order. */
public record Flow(String id, Project project, String displayName, List<String> versionIds, List<FlowStep> steps) {

    public Flow {
        versionIds = List.copyOf(versionIds);
        steps = List.copyOf(steps);
    }

    public String latestVersionId() {
        return versionIds.get(versionIds.size() - 1);
    }

    /** The index of the first code step that needs npm at or after {@code from}, or -1. */
    int firstNpmStep(int from) {
        for (int i = from; i < steps.size(); i++) {
            if (steps.get(i).needsNpm()) {
                return i;
            }
        }
        return -1;
    }
}
