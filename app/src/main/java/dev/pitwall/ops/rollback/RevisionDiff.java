package dev.pitwall.ops.rollback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The structured difference between two revisions: images, env (execution-mode changes flagged as trust changes),
 * resources, volumes and claim templates, and the content of the ConfigMaps and Secrets they reference (Secrets only
 * as changed or unchanged: their values never leave the cluster adapter).
 */
public record RevisionDiff(long from, long to, List<Change> changes) {

    public static final String EXECUTION_MODE = "AP_EXECUTION_MODE";

    public RevisionDiff {
        changes = List.copyOf(changes);
    }

    /**
     * @param configMap the current content of a ConfigMap by name (empty map when missing)
     * @param secretDigest a digest of a Secret's data by name ("" when missing)
     */
    public static RevisionDiff between(Revision from, Revision to, Function<String, Map<String, String>> configMap,
                                       Function<String, String> secretDigest) {
        List<Change> changes = new ArrayList<>();
        if (!from.images().equals(to.images())) {
            changes.add(new Change("image", "containers", String.join(", ", from.images()),
                    String.join(", ", to.images()), false));
        }
        compare("env", from.env(), to.env(), changes);
        compare("resources", from.resources(), to.resources(), changes);
        compare("volume", from.volumes(), to.volumes(), changes);
        compareReferences("ConfigMap", from.configMaps(), to.configMaps(), changes);
        compareReferences("Secret", from.secrets(), to.secrets(), changes);
        // the cluster keeps no history of ConfigMap content: what can be said between revisions is whether what the
        // target reads still exists (the plan snapshots the content itself)
        for (String name : new TreeSet<>(to.configMaps())) {
            if (from.configMaps().contains(name) && configMap.apply(name).isEmpty()) {
                changes.add(new Change("ConfigMap", name, "referenced", "missing now", false));
            }
        }
        for (String name : new TreeSet<>(to.secrets())) {
            if (secretDigest.apply(name).isEmpty()) {
                changes.add(new Change("Secret", name, "referenced", "missing now", false));
            }
        }
        return new RevisionDiff(from.number(), to.number(), changes);
    }

    private static void compare(String area, Map<String, String> before, Map<String, String> after,
                                List<Change> out) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String b = before.get(key);
            String a = after.get(key);
            if (!Objects.equals(a, b)) {
                out.add(new Change(area, key, b, a, area.equals("env") && key.endsWith("/" + EXECUTION_MODE)));
            }
        }
    }

    private static void compareReferences(String area, List<String> before, List<String> after, List<Change> out) {
        TreeSet<String> names = new TreeSet<>(before);
        names.addAll(after);
        for (String name : names) {
            boolean b = before.contains(name);
            boolean a = after.contains(name);
            if (a != b) {
                out.add(new Change(area, name, b ? "referenced" : null, a ? "referenced" : null, false));
            }
        }
    }

    public boolean changesTrust() {
        return changes.stream().anyMatch(Change::trust);
    }

    public String toText() {
        StringBuilder sb = new StringBuilder("revision " + from + " -> " + to + ":\n");
        if (changes.isEmpty()) {
            sb.append("  no differences\n");
        }
        changes.forEach(c -> sb.append("  ").append(c.describe()).append('\n'));
        return sb.toString();
    }
}
