package dev.pitwall.ops.rollback;

import dev.pitwall.model.TargetIdentity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to roll a workload back and to know that it worked, captured before the change: the state it
 * was planned against (to refuse it when someone else changed the workload since), the exact template to restore,
 * the content of the ConfigMaps that template reads, and the checks that will verify it.
 *
 * @param currentTemplateJson the template the plan was made against (a plan is stale once the live one differs)
 * @param configMaps          ConfigMap name -> data, as the plan will write them back
 * @param cluster             the cluster the plan was captured on (null in a plan of an older Pitwall, refused)
 * @param workloadUid         the workload's UID then: a workload recreated under its name since is another target
 */
public record RollbackPlan(String id, Instant createdAt, WorkloadRef workload, long currentRevision,
                           String currentResourceVersion, String currentTemplateJson, long targetRevision,
                           String targetTemplateJson, List<String> targetImages, String targetVersion,
                           String targetMode, Map<String, Map<String, String>> configMaps, List<Change> diff,
                           List<String> preconditions, List<String> checks, TargetIdentity cluster,
                           String workloadUid) {

    public RollbackPlan {
        targetImages = List.copyOf(targetImages);
        configMaps = Map.copyOf(configMaps);
        diff = List.copyOf(diff);
        preconditions = List.copyOf(preconditions);
        checks = List.copyOf(checks);
    }

    /** Every write the plan makes, in order: the configuration first, so that the restored pods start with it. */
    public List<RollbackCluster.Write> writes() {
        List<RollbackCluster.Write> writes = new java.util.ArrayList<>();
        new java.util.TreeMap<>(configMaps).forEach((name, data) ->
                writes.add(RollbackCluster.Write.configMap(workload.namespace(), name, data)));
        writes.add(RollbackCluster.Write.template(workload, targetTemplateJson));
        return writes;
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Rollback plan ").append(id).append("\n\n");
        md.append("- Workload: ").append(workload).append(" (UID ").append(workloadUid).append(")\n");
        md.append("- Cluster: ").append(cluster == null ? "(not recorded)" : cluster.describe()).append('\n');
        md.append("- Created: ").append(createdAt).append('\n');
        md.append("- From revision ").append(currentRevision).append(" (resourceVersion ")
                .append(currentResourceVersion).append(") to revision ").append(targetRevision).append('\n');
        md.append("- Target images: ").append(String.join(", ", targetImages)).append('\n');
        md.append("- Target execution mode: ").append(targetMode.isEmpty() ? "(not set)" : targetMode).append("\n\n");
        md.append("## What changes\n\n");
        if (diff.isEmpty()) {
            md.append("No differences in the template.\n");
        }
        diff.forEach(c -> md.append("- ").append(c.trust() ? "**trust change** " : "").append(c.area()).append(' ')
                .append('`').append(c.key()).append("`: ").append(c.before() == null ? "(none)" : c.before())
                .append(" → ").append(c.after() == null ? "(none)" : c.after()).append('\n'));
        md.append("\n## ConfigMaps restored\n\n");
        if (configMaps.isEmpty()) {
            md.append("None referenced.\n");
        }
        new java.util.TreeMap<>(configMaps).forEach((name, data) -> md.append("- `").append(name).append("`: ")
                .append(data.size()).append(" keys (").append(String.join(", ", new java.util.TreeSet<>(data.keySet())))
                .append(")\n"));
        md.append("\n## Writes\n\n");
        writes().forEach(w -> md.append("1. ").append(w.describe()).append('\n'));
        md.append("\n## Preconditions\n\n");
        preconditions.forEach(p -> md.append("- ").append(p).append('\n'));
        md.append("\n## Checks after the rollback\n\n");
        checks.forEach(c -> md.append("- ").append(c).append('\n'));
        return md.toString();
    }
}
