package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks and reads a trust policy from its parsed tree (maps, lists, strings, booleans, as a JSON or YAML reader
 * gives them). Every problem is collected, each with its path in the file, and the policy is refused as a whole when
 * there is any: a policy half-read would make half the checks silently pass.
 *
 * <pre>
 * version: 1
 * groups:
 *   wg-acme:
 *     executionMode: SANDBOX_PROCESS
 *     smoke: {flowId: FLOW_ID, projectId: PROJECT_ID}
 * namespaces:
 *   ap-legacy:
 *     trustedEnvironment: true
 * </pre>
 */
public final class TrustPolicyParser {

    static final int VERSION = 1;
    private static final Set<String> ROOT_KEYS = Set.of("version", "groups", "namespaces");
    private static final Set<String> ENTRY_KEYS = Set.of("executionMode", "trustedEnvironment", "smoke");
    private static final Set<String> SMOKE_KEYS = Set.of("flowId", "projectId");

    private final List<String> problems = new ArrayList<>();

    private TrustPolicyParser() {
    }

    /** The policy {@code tree} describes; {@link TrustPolicyException} listing every problem otherwise. */
    public static TrustPolicy parse(Object tree, String source) {
        TrustPolicyParser parser = new TrustPolicyParser();
        TrustPolicy policy = parser.root(tree, source);
        if (!parser.problems.isEmpty()) {
            throw new TrustPolicyException(source, parser.problems);
        }
        return policy;
    }

    private TrustPolicy root(Object tree, String source) {
        if (tree == null) {
            problems.add("the file is empty: it needs 'groups' or 'namespaces'");
            return null;
        }
        Map<String, Object> root = mapping(tree, "the file");
        if (root == null) {
            return null;
        }
        unknownKeys(root, ROOT_KEYS, "");
        Object version = root.get("version");
        if (version != null && !(version instanceof Number n && n.intValue() == VERSION)) {
            problems.add("version: only version " + VERSION + " is understood, found " + version);
        }
        if (!root.containsKey("groups") && !root.containsKey("namespaces")) {
            problems.add("the file needs 'groups' or 'namespaces'");
        }
        Map<String, PolicyEntry> groups = entries(root.get("groups"), "groups");
        Map<String, PolicyEntry> namespaces = entries(root.get("namespaces"), "namespaces");
        return new TrustPolicy(source, groups, namespaces);
    }

    private Map<String, PolicyEntry> entries(Object tree, String path) {
        Map<String, PolicyEntry> out = new LinkedHashMap<>();
        if (tree == null) {
            return out;
        }
        Map<String, Object> map = mapping(tree, path);
        if (map == null) {
            return out;
        }
        map.forEach((name, value) -> {
            String where = path + "." + name;
            if (name == null || name.isBlank()) {
                problems.add(path + ": an entry has an empty name");
                return;
            }
            PolicyEntry entry = entry(value, where);
            if (entry != null) {
                out.put(name, entry);
            }
        });
        return out;
    }

    private PolicyEntry entry(Object tree, String where) {
        Map<String, Object> map = mapping(tree, where);
        if (map == null) {
            return null;
        }
        unknownKeys(map, ENTRY_KEYS, where + ".");
        Object mode = map.get("executionMode");
        Object trusted = map.get("trustedEnvironment");
        SmokeFlow smoke = smoke(map.get("smoke"), where + ".smoke");
        if (mode != null && trusted != null) {
            problems.add(where + ": give executionMode or trustedEnvironment, not both");
            return null;
        }
        if (mode == null && trusted == null) {
            problems.add(where + ": needs executionMode (" + ExecutionMode.names() + ") or trustedEnvironment "
                    + "(true or false)");
            return null;
        }
        if (mode != null) {
            if (!(mode instanceof String text)) {
                problems.add(where + ".executionMode: must be one of " + ExecutionMode.names() + ", found " + mode);
                return null;
            }
            return ExecutionMode.parse(text).map(m -> new PolicyEntry(m, "executionMode", smoke)).orElseGet(() -> {
                problems.add(where + ".executionMode: unknown execution mode '" + text + "' (known: "
                        + ExecutionMode.names() + ")");
                return null;
            });
        }
        if (!(trusted instanceof Boolean flag)) {
            problems.add(where + ".trustedEnvironment: must be true or false, found " + trusted);
            return null;
        }
        return new PolicyEntry(ExecutionMode.fromTrustedEnvironment(flag), "trustedEnvironment: " + flag, smoke);
    }

    private SmokeFlow smoke(Object tree, String where) {
        if (tree == null) {
            return null;
        }
        Map<String, Object> map = mapping(tree, where);
        if (map == null) {
            return null;
        }
        unknownKeys(map, SMOKE_KEYS, where + ".");
        String flow = text(map.get("flowId"), where + ".flowId");
        String project = text(map.get("projectId"), where + ".projectId");
        return flow == null || project == null ? null : new SmokeFlow(flow, project);
    }

    private String text(Object value, String where) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        problems.add(where + ": " + (value == null ? "missing" : "must be a non-empty string, found " + value));
        return null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> mapping(Object tree, String where) {
        if (tree instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problems.add(where + ": must be a mapping of names to values, found " + describe(tree));
        return null;
    }

    private void unknownKeys(Map<String, Object> map, Set<String> known, String prefix) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                problems.add(prefix + key + ": unknown key (known here: " + String.join(", ", known.stream()
                        .sorted().toList()) + ")");
            }
        }
    }

    private static String describe(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        }
        return value == null ? "nothing" : "'" + value + "'";
    }
}
