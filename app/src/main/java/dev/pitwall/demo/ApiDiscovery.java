package dev.pitwall.demo;

import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy discovery documents a real API server serves and the CRUD mock does not: kubectl resolves resource names
 * ("pods", "deploy", "sts") through them. Only the kinds the demo cluster holds are listed. The OpenAPI paths answer
 * 404, which makes kubectl fall back to its built-in knowledge instead of parsing the mock's catch-all list.
 */
final class ApiDiscovery {

    private static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

    private final Map<String, String> documents;
    /** "v1/pods" -> "Pod", "apps/v1/deployments" -> "Deployment": the kinds of the listable resources. */
    private final Map<String, String> kinds = new java.util.HashMap<>();

    ApiDiscovery() {
        coreResources().forEach(r -> kinds.put("v1/" + r.getName(), r.getKind()));
        appsResources().forEach(r -> kinds.put("apps/v1/" + r.getName(), r.getKind()));
        documents = Map.of(
                "/api", Serialization.asJson(new APIVersionsBuilder().withVersions("v1").build()),
                "/apis", Serialization.asJson(new APIGroupListBuilder().addNewGroup().withName("apps")
                        .withVersions(appsV1()).withPreferredVersion(appsV1()).endGroup().build()),
                "/api/v1", Serialization.asJson(new APIResourceListBuilder().withGroupVersion("v1")
                        .withResources(coreResources()).build()),
                "/apis/apps/v1", Serialization.asJson(new APIResourceListBuilder().withGroupVersion("apps/v1")
                        .withResources(appsResources()).build()));
    }

    /** The discovery document for a path (without query), if it is one. */
    Optional<String> document(String path) {
        return Optional.ofNullable(documents.get(path));
    }

    /**
     * The list kind of a collection path ("/apis/apps/v1/namespaces/x/replicasets" -> apps/v1 ReplicaSetList), which
     * typed clients such as kubectl's need in place of the generic "v1 List" the CRUD store answers with.
     */
    Optional<String[]> listKind(String path) {
        String[] parts = path.split("/");
        String groupVersion;
        int rest;
        if (parts.length >= 3 && parts[1].equals("api")) {
            groupVersion = parts[2];
            rest = 3;
        } else if (parts.length >= 4 && parts[1].equals("apis")) {
            groupVersion = parts[2] + "/" + parts[3];
            rest = 4;
        } else {
            return Optional.empty();
        }
        int remaining = parts.length - rest;
        boolean namespaced = remaining == 3 && parts[rest].equals("namespaces");
        if (remaining != 1 && !namespaced) {
            return Optional.empty();
        }
        String kind = kinds.get(groupVersion + "/" + parts[parts.length - 1]);
        return kind == null ? Optional.empty() : Optional.of(new String[]{groupVersion, kind + "List"});
    }

    /**
     * Whether the path names a subresource the store cannot serve (a pod's log, exec, a node's proxy): the CRUD
     * store would answer it with every object it holds.
     */
    boolean isUnservedSubresource(String path) {
        String[] parts = path.split("/");
        int rest = parts.length > 1 && parts[1].equals("api") ? 3 : 4;
        int remaining = parts.length - rest;
        boolean namespaced = remaining > 0 && parts[rest].equals("namespaces");
        int objectDepth = namespaced ? 4 : 2;
        if (remaining <= objectDepth) {
            return false;
        }
        String subresource = parts[rest + objectDepth];
        return remaining > objectDepth + 1 || !(subresource.equals("status") || subresource.equals("scale"));
    }

    boolean isOpenApi(String path) {
        return path.equals("/openapi/v2") || path.startsWith("/openapi/v3");
    }

    static String notFound(String path) {
        return Serialization.asJson(new StatusBuilder().withStatus("Failure").withReason("NotFound").withCode(404)
                .withMessage("the server could not find the requested resource (" + path + ")").build());
    }

    private static io.fabric8.kubernetes.api.model.GroupVersionForDiscovery appsV1() {
        return new GroupVersionForDiscoveryBuilder().withGroupVersion("apps/v1").withVersion("v1").build();
    }

    private static List<APIResource> coreResources() {
        List<APIResource> resources = new ArrayList<>();
        resources.addAll(kind("pods", "Pod", true, List.of("po"), true, "status", "log"));
        resources.addAll(kind("events", "Event", true, List.of("ev"), false));
        resources.addAll(kind("namespaces", "Namespace", false, List.of("ns"), false, "status"));
        resources.addAll(kind("nodes", "Node", false, List.of("no"), false, "status", "proxy"));
        resources.addAll(kind("persistentvolumeclaims", "PersistentVolumeClaim", true, List.of("pvc"), false, "status"));
        resources.addAll(kind("services", "Service", true, List.of("svc"), true, "status"));
        resources.addAll(kind("configmaps", "ConfigMap", true, List.of("cm"), false));
        resources.addAll(kind("secrets", "Secret", true, List.of(), false));
        resources.addAll(kind("serviceaccounts", "ServiceAccount", true, List.of("sa"), false));
        return resources;
    }

    private static List<APIResource> appsResources() {
        List<APIResource> resources = new ArrayList<>();
        resources.addAll(kind("deployments", "Deployment", true, List.of("deploy"), true, "status", "scale"));
        resources.addAll(kind("statefulsets", "StatefulSet", true, List.of("sts"), true, "status", "scale"));
        resources.addAll(kind("replicasets", "ReplicaSet", true, List.of("rs"), true, "status", "scale"));
        resources.addAll(kind("daemonsets", "DaemonSet", true, List.of("ds"), true, "status"));
        resources.addAll(kind("controllerrevisions", "ControllerRevision", true, List.of(), false));
        return resources;
    }

    /** A kind and its subresources; {@code inAll}: listed by "kubectl get all". */
    private static List<APIResource> kind(String plural, String kind, boolean namespaced, List<String> shortNames,
                                          boolean inAll, String... subresources) {
        List<APIResource> resources = new ArrayList<>();
        resources.add(new APIResourceBuilder().withName(plural).withSingularName(kind.toLowerCase())
                .withKind(kind).withNamespaced(namespaced).withShortNames(shortNames).withVerbs(ALL_VERBS)
                .withCategories(inAll ? List.of("all") : List.of()).build());
        for (String sub : subresources) {
            resources.add(new APIResourceBuilder().withName(plural + "/" + sub).withSingularName("")
                    .withKind(sub.equals("scale") ? "Scale" : kind).withNamespaced(namespaced)
                    .withVerbs(SUBRESOURCE_VERBS).build());
        }
        return resources;
    }
}
