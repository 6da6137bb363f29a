package dev.pitwall.ops.rollback;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One revision of a workload's pod template, reduced to what an operator compares, plus the template itself (as the
 * cluster's JSON, opaque here) so that it can be written back exactly.
 *
 * @param env        container/NAME -> value (or "from ConfigMap x key y" for references)
 * @param resources  container/requests.cpu -> quantity, and so on
 * @param volumes    volume or claim template name -> what backs it (emptyDir, ConfigMap x, claim 10Gi)
 * @param configMaps names of the ConfigMaps the template references (envFrom, configMapKeyRef, volumes)
 * @param secrets    names of the Secrets the template references
 */
public record Revision(long number, Instant createdAt, String changeCause, List<String> images,
                       Map<String, String> env, Map<String, String> resources, Map<String, String> volumes,
                       List<String> configMaps, List<String> secrets, String templateJson) {

    public Revision {
        images = List.copyOf(images);
        env = Map.copyOf(env);
        resources = Map.copyOf(resources);
        volumes = Map.copyOf(volumes);
        configMaps = List.copyOf(configMaps);
        secrets = List.copyOf(secrets);
    }

    /** The value of AP_EXECUTION_MODE in the first container that sets it, or "" when none does. */
    public String executionMode() {
        return env(RevisionDiff.EXECUTION_MODE);
    }

    /** The value of an environment variable in the first container that sets it, or "" when none does. */
    public String env(String name) {
        return env.entrySet().stream().filter(e -> e.getKey().endsWith("/" + name))
                .map(Map.Entry::getValue).sorted().findFirst().orElse("");
    }

    /** The tag of the first image ("" when untagged): what heartbeats report as the worker version. */
    public String imageTag() {
        if (images.isEmpty()) {
            return "";
        }
        String image = images.get(0);
        int colon = image.lastIndexOf(':');
        return colon < 0 || image.indexOf('/', colon) >= 0 ? "" : image.substring(colon + 1);
    }
}
