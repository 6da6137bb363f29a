package dev.pitwall.demo.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulator's own requests to the mock API server, under its own User-Agent so that it can tell them from other
 * clients' writes. Updates are RFC 6902 JSON patches sent with the object in hand (one request each; the mock's merge
 * patch appends to lists instead of replacing them). An object that has vanished meanwhile is not an error.
 */
final class ClusterApi implements AutoCloseable {

    static final String USER_AGENT = "pitwall-cluster-simulator";

    private final KubernetesClient client;

    ClusterApi(KubernetesClient client) {
        this.client = client;
    }

    <T extends HasMetadata> T create(T object) {
        return client.resource(object).create();
    }

    /** Replaces the status of {@code object} (which needs only kind, name and namespace); false if it is gone. */
    boolean replaceStatus(HasMetadata object, Object status) {
        return patch(object, true, Map.of("/status", status)) != null;
    }

    /** Sets fields at JSON pointer paths (adding or replacing them): the object as stored, or null if it is gone. */
    <T extends HasMetadata> T set(T object, Map<String, Object> valuesByPath) {
        return patch(object, false, valuesByPath);
    }

    /** Deletes the object; an object with finalizers is only marked (pods: Terminating). */
    boolean delete(HasMetadata object) {
        try {
            return !client.resource(object).delete().isEmpty();
        } catch (KubernetesClientException e) {
            return ignoreMissing(e);
        }
    }

    /** Drops the object's finalizers: a marked object is then deleted for good. */
    boolean removeFinalizers(HasMetadata object) {
        try {
            client.resource(object).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
            return true;
        } catch (KubernetesClientException e) {
            return ignoreMissing(e);
        }
    }

    <T extends HasMetadata> List<T> listAll(Class<T> type) {
        return new ArrayList<>(client.resources(type).inAnyNamespace().list().getItems());
    }

    <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
        return new ArrayList<>(client.resources(type).inNamespace(namespace).list().getItems());
    }

    private <T extends HasMetadata> T patch(T object, boolean status, Map<String, Object> valuesByPath) {
        List<Map<String, Object>> operations = new ArrayList<>();
        valuesByPath.forEach((path, value) -> operations.add(Map.of("op", "add", "path", path, "value", value)));
        String body = Serialization.asJson(operations);
        try {
            var resource = client.resource(object);
            return (status ? resource.subresource("status") : resource).patch(PatchContext.of(PatchType.JSON), body);
        } catch (KubernetesClientException e) {
            ignoreMissing(e);
            return null;
        }
    }

    private static boolean ignoreMissing(KubernetesClientException e) {
        if (e.getCode() == 404) {
            return false;
        }
        throw e;
    }

    /** A JSON pointer to a key of a string map (annotations, labels): "/" and "~" in the key are escaped. */
    static String pointer(String mapPath, String key) {
        return mapPath + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public void close() {
        client.close();
    }
}
