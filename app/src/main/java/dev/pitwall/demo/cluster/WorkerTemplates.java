package dev.pitwall.demo.cluster;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod templates of the demo fleet's workers, with the environment and labels an Activepieces install on Kubernetes
 * uses: AP_CONTAINER_TYPE=WORKER, an explicit execution mode and AP_REUSE_SANDBOX (which worker groups require), the
 * concurrency, the cache at /usr/src/app/cache, and privileged containers (the sandboxed modes need them). Shared
 * workers serve many tenants and sandbox code and processes; dedicated groups run one trusted customer's flows.
 */
final class WorkerTemplates {

    static final String SHARED_MODE = "SANDBOX_CODE_AND_PROCESS";
    static final String DEDICATED_MODE = "SANDBOX_PROCESS";
    static final String SHARED_INSTANCE = "activepieces";

    private WorkerTemplates() {
    }

    static String image(String tag) {
        return ImageBehaviour.IMAGE_REPOSITORY + ":" + tag;
    }

    static String dedicatedInstance(String customer) {
        return "activepieces-" + customer;
    }

    /** The selector of a release's workers (and the labels every workload, template and pod of it carries). */
    static Map<String, String> selector(String instance) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "activepieces");
        labels.put("app.kubernetes.io/instance", instance);
        labels.put(DemoFleet.WORKER_LABEL_KEY, DemoFleet.WORKER_LABEL_VALUE);
        return labels;
    }

    /** The labels Helm puts on a release's workloads. */
    static Map<String, String> workloadLabels(String instance) {
        Map<String, String> labels = selector(instance);
        labels.put("app.kubernetes.io/managed-by", "Helm");
        labels.put("helm.sh/chart", "activepieces-0.12.4");
        return labels;
    }

    static PodTemplateSpec shared(String tag) {
        return worker(SHARED_INSTANCE, DemoFleet.SHARED_WORKLOAD, tag, SHARED_MODE, 10, null, null);
    }

    /** A dedicated group's worker; its cache is an emptyDir limited to the cache size (the pod is its only user). */
    static PodTemplateSpec dedicated(String customer, String tag, String mode) {
        Volume cache = new VolumeBuilder().withName(CacheVolume.NAME).withNewEmptyDir()
                .withSizeLimit(cacheSize()).endEmptyDir().build();
        return worker(dedicatedInstance(customer), DemoFleet.workloadOf(customer), tag, mode, 5,
                DemoFleet.groupIdOf(customer), cache);
    }

    /** The cache size as manifests write it ("2Gi"). */
    static Quantity cacheSize() {
        return new Quantity(String.valueOf(DemoFleet.CACHE_BYTES >> 30), "Gi");
    }

    private static PodTemplateSpec worker(String instance, String app, String tag, String mode, int concurrency,
                                          String groupId, Volume cache) {
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("AP_CONTAINER_TYPE", "WORKER", null));
        env.add(new EnvVar("AP_EXECUTION_MODE", mode, null));
        env.add(new EnvVar("AP_WORKER_CONCURRENCY", String.valueOf(concurrency), null));
        env.add(new EnvVar("AP_REUSE_SANDBOX", "true", null));
        if (groupId != null) {
            env.add(new EnvVar("AP_WORKER_GROUP_ID", groupId, null));
        }
        env.add(new EnvVar("AP_FRONTEND_URL", "https://automations.example.com", null));
        Map<String, String> labels = selector(instance);
        labels.put("app", app);
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .addNewContainer().withName("worker").withImage(image(tag)).withImagePullPolicy("IfNotPresent")
                .withEnv(env)
                .withNewResources()
                .addToRequests("cpu", new Quantity("500m")).addToRequests("memory", new Quantity("1Gi"))
                .addToLimits("cpu", new Quantity("2")).addToLimits("memory", new Quantity("4Gi"))
                .endResources()
                .addNewVolumeMount().withName(CacheVolume.NAME).withMountPath(DemoFleet.CACHE_MOUNT).endVolumeMount()
                .withNewSecurityContext().withPrivileged(true).endSecurityContext()
                .endContainer()
                .withVolumes(cache == null ? List.of() : List.of(cache))
                .withTerminationGracePeriodSeconds(30L)
                .endSpec().build();
    }
}
