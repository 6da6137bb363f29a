package dev.pitwall.demo.cluster;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns a workload's pod template into a pod the way the API server and the controllers would: the revision labels,
 * the owner, the node, the service-account token volume admission adds, the defaults of the pod spec, and (for a
 * StatefulSet) the claim of the pod's own cache volume. Every simulated pod carries a finalizer of the simulated
 * kubelet, so that a deletion by anyone leaves it Terminating until the kubelet has stopped it.
 */
final class PodFactory {

    static final String FINALIZER = "pitwall.dev/simulated-kubelet";
    private static final String TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

    private final NodePool nodes;

    PodFactory(NodePool nodes) {
        this.nodes = nodes;
    }

    /**
     * @param labels  the revision labels the controller adds (pod-template-hash, controller-revision-hash, ...)
     * @param claim   the PVC that backs the cache volume (StatefulSets), or null to use the template's own volume
     */
    SimPod build(Workload owner, OwnerReference controller, String name, String revision, Map<String, String> labels,
                 PodTemplateSpec template, CacheClaim claim, String node, Instant now, SplittableRandom random) {
        PodTemplateSpec copy = copy(template);
        Map<String, String> podLabels = new LinkedHashMap<>(copy.getMetadata().getLabels());
        podLabels.putAll(labels);
        PodSpec spec = copy.getSpec();
        completeSpec(spec, node, random);
        if (claim != null) {
            spec.getVolumes().add(new VolumeBuilder().withName(CacheVolume.NAME).withNewPersistentVolumeClaim()
                    .withClaimName(claim.name()).endPersistentVolumeClaim().build());
        }
        Pod pod = new PodBuilder()
                .withNewMetadata().withNamespace(owner.namespace()).withName(name).withLabels(podLabels)
                .withAnnotations(copy.getMetadata().getAnnotations()).withOwnerReferences(controller)
                .withFinalizers(FINALIZER).withCreationTimestamp(now.toString()).endMetadata()
                .withSpec(spec).build();
        return new SimPod(pod, nodes.internalIp(node), owner, revision, cacheOf(spec, claim, random), random);
    }

    static PodTemplateSpec copy(PodTemplateSpec template) {
        PodTemplateSpec copy = Serialization.unmarshal(Serialization.asJson(template), PodTemplateSpec.class);
        if (copy.getMetadata() == null) {
            copy.setMetadata(new ObjectMeta());
        }
        return copy;
    }

    /** The defaults the API server fills in, and the token volume the service-account admission adds. */
    private static void completeSpec(PodSpec spec, String node, SplittableRandom random) {
        String tokenVolume = "kube-api-access-" + Names.suffix(random, 5);
        spec.setNodeName(node);
        spec.setServiceAccountName(spec.getServiceAccountName() == null ? "default" : spec.getServiceAccountName());
        spec.setRestartPolicy(spec.getRestartPolicy() == null ? "Always" : spec.getRestartPolicy());
        spec.setTerminationGracePeriodSeconds(spec.getTerminationGracePeriodSeconds() == null ? 30L
                : spec.getTerminationGracePeriodSeconds());
        spec.setDnsPolicy(spec.getDnsPolicy() == null ? "ClusterFirst" : spec.getDnsPolicy());
        spec.setSchedulerName(spec.getSchedulerName() == null ? "default-scheduler" : spec.getSchedulerName());
        spec.setEnableServiceLinks(spec.getEnableServiceLinks() == null || spec.getEnableServiceLinks());
        spec.setPriority(0);
        spec.getTolerations().add(new TolerationBuilder().withKey("node.kubernetes.io/not-ready")
                .withOperator("Exists").withEffect("NoExecute").withTolerationSeconds(300L).build());
        spec.getTolerations().add(new TolerationBuilder().withKey("node.kubernetes.io/unreachable")
                .withOperator("Exists").withEffect("NoExecute").withTolerationSeconds(300L).build());
        spec.getVolumes().add(new VolumeBuilder().withName(tokenVolume).withNewProjected().withDefaultMode(420)
                .addNewSource().withNewServiceAccountToken().withExpirationSeconds(3607L).withPath("token")
                .endServiceAccountToken().endSource()
                .addNewSource().withNewConfigMap().withName("kube-root-ca.crt").addNewItem().withKey("ca.crt")
                .withPath("ca.crt").endItem().endConfigMap().endSource()
                .addNewSource().withNewDownwardAPI().addNewItem().withPath("namespace").withNewFieldRef()
                .withApiVersion("v1").withFieldPath("metadata.namespace").endFieldRef().endItem().endDownwardAPI()
                .endSource().endProjected().build());
        for (Container container : spec.getContainers()) {
            container.setImagePullPolicy(container.getImagePullPolicy() == null ? "IfNotPresent"
                    : container.getImagePullPolicy());
            container.setTerminationMessagePath("/dev/termination-log");
            container.setTerminationMessagePolicy("File");
            container.getVolumeMounts().add(new VolumeMountBuilder().withName(tokenVolume).withMountPath(TOKEN_PATH)
                    .withReadOnly(true).build());
        }
    }

    /** The pod's cache volume: the claimed PVC, else an emptyDir named "cache" in the template, else none. */
    private static CacheVolume cacheOf(PodSpec spec, CacheClaim claim, SplittableRandom random) {
        ImageBehaviour behaviour = ImageBehaviour.of(spec.getContainers().get(0).getImage());
        if (claim != null) {
            return new CacheVolume(claim.name(), claim.capacity(), behaviour, random);
        }
        for (Volume volume : spec.getVolumes()) {
            if (volume.getName().equals(CacheVolume.NAME) && volume.getEmptyDir() != null) {
                Quantity limit = volume.getEmptyDir().getSizeLimit();
                long capacity = limit == null ? DemoFleet.CACHE_BYTES
                        : Quantity.getAmountInBytes(limit).longValue();
                return new CacheVolume(null, capacity, behaviour, random);
            }
        }
        return null;
    }

    /** The PVC that holds a StatefulSet pod's cache. */
    record CacheClaim(String name, long capacity) {
    }
}
