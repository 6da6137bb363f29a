package dev.pitwall.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.ops.rollback.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reduces a pod template (JSON) to the parts a rollback diff compares. */
final class TemplateSummary {

    private TemplateSummary() {
    }

    static Revision of(long number, Instant created, String changeCause, JsonNode template, String templateJson) {
        JsonNode spec = template.path("spec");
        List<String> images = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> resources = new LinkedHashMap<>();
        Map<String, String> volumes = new LinkedHashMap<>();
        TreeSet<String> configMaps = new TreeSet<>();
        TreeSet<String> secrets = new TreeSet<>();
        for (JsonNode c : spec.path("containers")) {
            String name = c.path("name").asText();
            images.add(c.path("image").asText());
            for (JsonNode e : c.path("env")) {
                JsonNode from = e.path("valueFrom");
                String value = e.path("value").asText("");
                if (from.has("configMapKeyRef")) {
                    String cm = from.path("configMapKeyRef").path("name").asText();
                    configMaps.add(cm);
                    value = "from ConfigMap " + cm + " key " + from.path("configMapKeyRef").path("key").asText();
                } else if (from.has("secretKeyRef")) {
                    String s = from.path("secretKeyRef").path("name").asText();
                    secrets.add(s);
                    value = "from Secret " + s + " key " + from.path("secretKeyRef").path("key").asText();
                }
                env.put(name + "/" + e.path("name").asText(), value);
            }
            for (JsonNode f : c.path("envFrom")) {
                if (f.has("configMapRef")) {
                    configMaps.add(f.path("configMapRef").path("name").asText());
                }
                if (f.has("secretRef")) {
                    secrets.add(f.path("secretRef").path("name").asText());
                }
            }
            c.path("resources").fields().forEachRemaining(kind -> kind.getValue().fields().forEachRemaining(
                    q -> resources.put(name + "/" + kind.getKey() + "." + q.getKey(), q.getValue().asText())));
        }
        for (JsonNode v : spec.path("volumes")) {
            String backing;
            if (v.has("configMap")) {
                backing = "ConfigMap " + v.path("configMap").path("name").asText();
                configMaps.add(v.path("configMap").path("name").asText());
            } else if (v.has("secret")) {
                backing = "Secret " + v.path("secret").path("secretName").asText();
                secrets.add(v.path("secret").path("secretName").asText());
            } else if (v.has("persistentVolumeClaim")) {
                backing = "claim " + v.path("persistentVolumeClaim").path("claimName").asText();
            } else if (v.has("emptyDir")) {
                backing = "emptyDir " + v.path("emptyDir").path("sizeLimit").asText("");
            } else {
                backing = v.toString();
            }
            volumes.put(v.path("name").asText(), backing.trim());
        }
        return new Revision(number, created, changeCause, images, env, resources, volumes, List.copyOf(configMaps),
                List.copyOf(secrets), templateJson);
    }
}
