package dev.pitwall.kube;

import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.trust.AccessDecision;
import dev.pitwall.ops.trust.DeclaredEnv;
import dev.pitwall.ops.trust.ModeWrite;
import dev.pitwall.ops.trust.TrustChangeException;
import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.trust.TrustWorkload;
import dev.pitwall.ops.trust.WorkerPod;
import dev.pitwall.ops.trust.WorkloadKind;
import dev.pitwall.ops.trust.WorkloadRef;
import dev.pitwall.ops.trust.WorkloadRevision;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.DemoShapedWorkloads;
import dev.pitwall.testing.KubeMockExtension;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The trust adapter against the fabric8 mock in CRUD mode, with workloads shaped like the demo's: reading workloads,
 * pods and revision history, following changes through informers, the access review and the guarded patch.
 */
@ExtendWith(KubeMockExtension.class)
class TrustKubeTest {

    private static final String SSAR = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    private static KubeMockCluster mock;
    private static KubernetesClient client;
    private static DemoShapedWorkloads fleet;
    private static TrustWorkloadReader reader;
    private static TrustWorkloadPatcher patcher;

    @BeforeAll
    static void fleet(KubeMockCluster cluster) {
        mock = cluster;
        ConnectionProfile profile = new ConnectionProfile("test", cluster.kubeconfig().toString(),
                KubeMockCluster.CONTEXT, null,
                DemoFleet.WORKER_LABEL_KEY + "=" + DemoFleet.WORKER_LABEL_VALUE, List.of(), null, null, null, null,
                false, false, null);
        client = KubeClients.open(profile);
        reader = new TrustWorkloadReader(client, profile);
        patcher = new TrustWorkloadPatcher(client);
        fleet = new DemoShapedWorkloads(cluster.client());
        fleet.shared("SANDBOX_PROCESS");
        DemoFleet.CUSTOMERS.forEach(c -> fleet.dedicated(c, "SANDBOX_PROCESS"));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static TrustWorkload workload(String name) {
        return reader.workloads().stream().filter(w -> w.ref().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSharedStatefulSetIsReadWithItsPodsAndControllerRevisions() {
        TrustWorkload shared = workload(DemoFleet.SHARED_WORKLOAD);
        assertThat(shared.ref()).isEqualTo(new WorkloadRef("ap-shared", WorkloadKind.STATEFUL_SET,
                "activepieces-worker"));
        assertThat(shared.group()).isEqualTo("shared");
        assertThat(shared.container()).isEqualTo("worker");
        assertThat(shared.declared()).isEqualTo(DeclaredEnv.value("SANDBOX_PROCESS"));
        assertThat(shared.replicas()).isEqualTo(8);
        assertThat(shared.pods()).hasSize(8).contains(new WorkerPod("activepieces-worker-3", "10.42.0.13", false));
        assertThat(shared.revisions()).extracting(WorkloadRevision::revision, WorkloadRevision::image,
                WorkloadRevision::changeCause).containsExactlyInAnyOrder(
                tuple(1L, DemoShapedWorkloads.OLD_IMAGE, "create the shared workers"),
                tuple(2L, DemoShapedWorkloads.STABLE_IMAGE, "upgrade to 0.87.3"));
        assertThat(shared.revisions().get(0).declared()).isEqualTo(DeclaredEnv.value("SANDBOX_PROCESS"));
    }

    @Test
    void aFlippedDeploymentShowsItsNewValueAndTheReplicaSetThatBroughtIt() {
        fleet.flip("initech", "SANDBOX_CODE_ONLY", 2, "namespace migration to ap-dedicated-initech");
        TrustWorkload initech = workload("activepieces-worker-initech");
        assertThat(initech.group()).isEqualTo("wg-initech");
        assertThat(initech.declared()).isEqualTo(DeclaredEnv.value("SANDBOX_CODE_ONLY"));
        assertThat(initech.pods()).extracting(WorkerPod::ip).containsExactly("10.42.3.10", "10.42.3.11");
        WorkloadRevision flip = initech.revisions().stream().filter(r -> r.revision() == 2).findFirst()
                .orElseThrow();
        assertThat(flip.declared()).isEqualTo(DeclaredEnv.value("SANDBOX_CODE_ONLY"));
        assertThat(flip.changeCause()).isEqualTo("namespace migration to ap-dedicated-initech");
        assertThat(flip.image()).isEqualTo(DemoShapedWorkloads.STABLE_IMAGE);
        assertThat(flip.created()).as("the mock stamps its own creation time").isEqualTo(java.time.Instant.parse(
                client.apps().replicaSets().inNamespace("ap-dedicated-initech").withName(
                        "activepieces-worker-initech-rs2").get().getMetadata().getCreationTimestamp()));
        assertThat(reader.workload(initech.ref())).contains(initech);
    }

    @Test
    void followingAnswersFromInformersAndReportsEachChange() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        try (AutoCloseable following = reader.follow(changes::incrementAndGet)) {
            assertThat(reader.workloads()).hasSize(4);
            int before = changes.get();
            client.apps().deployments().inNamespace("ap-dedicated-acme").withName("activepieces-worker-acme")
                    .edit(d -> {
                        d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                                .add(new EnvVar("AP_REUSE_SANDBOX", "true", null));
                        return d;
                    });
            Await.until("the informer to see the change", Duration.ofSeconds(10), () -> changes.get() > before);
        }
    }

    @Test
    void unknownValuesAreKeptAndEnvFromIsNotTakenForUnset() {
        client.apps().deployments().inNamespace("ap-odd").resource(new DeploymentBuilder()
                .withNewMetadata().withName("odd").withNamespace("ap-odd")
                .addToLabels(DemoFleet.WORKER_LABEL_KEY, DemoFleet.WORKER_LABEL_VALUE).endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "odd").endSelector().withNewTemplate()
                .withNewMetadata().addToLabels("app", "odd").endMetadata().withNewSpec()
                .addNewContainer().withName("sidecar").withImage("envoy").endContainer()
                .addNewContainer().withName("worker").withImage("ap").addNewEnv().withName("AP_WORKER_GROUP_ID")
                .withValue("wg-odd").endEnv().addNewEnvFrom().withNewConfigMapRef().withName("ap-settings")
                .endConfigMapRef().endEnvFrom().endContainer().endSpec().endTemplate().endSpec().build()).create();
        TrustWorkload odd = workload("odd");
        assertThat(odd.container()).as("the container with Activepieces variables").isEqualTo("worker");
        assertThat(odd.declared().set()).isTrue();
        assertThat(odd.declared().from()).isEqualTo("maybe set by envFrom ConfigMap ap-settings (not read)");
        assertThat(odd.pods()).isEmpty();
        client.apps().deployments().inNamespace("ap-odd").withName("odd").delete();
    }

    @Test
    void aReplicaSetTheDeploymentReturnedToHoldsItsEarlierRevisionsToo() {
        String ns = "ap-returned";
        client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withNewMetadata().withName("returned").withNamespace(ns)
                .addToLabels(DemoFleet.WORKER_LABEL_KEY, DemoFleet.WORKER_LABEL_VALUE).endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "returned").endSelector()
                .withTemplate(returnedTemplate("SANDBOX_PROCESS")).endSpec().build()).create();
        try {
            // revision 1 ran SANDBOX_PROCESS, revision 2 flipped it, going back made revision 1's ReplicaSet number 3
            returnedReplicaSet("returned-a", "3", "1", "2026-11-20T09:00:00Z", "SANDBOX_PROCESS");
            returnedReplicaSet("returned-b", "2", null, "2026-11-27T09:00:00Z", "SANDBOX_CODE_ONLY");

            TrustWorkload returned = workload("returned");

            assertThat(returned.revisions()).extracting(WorkloadRevision::revision, WorkloadRevision::created,
                    r -> r.declared().value()).containsExactlyInAnyOrder(
                    tuple(1L, java.time.Instant.parse("2026-11-20T09:00:00Z"), "SANDBOX_PROCESS"),
                    tuple(2L, java.time.Instant.parse("2026-11-27T09:00:00Z"), "SANDBOX_CODE_ONLY"),
                    tuple(3L, null, "SANDBOX_PROCESS"));
        } finally {
            client.apps().replicaSets().inNamespace(ns).delete();
            client.apps().deployments().inNamespace(ns).withName("returned").delete();
        }
    }

    private static io.fabric8.kubernetes.api.model.PodTemplateSpec returnedTemplate(String mode) {
        return new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder().withNewMetadata()
                .addToLabels("app", "returned").endMetadata().withNewSpec().addNewContainer().withName("worker")
                .withImage("ap:1").addNewEnv().withName("AP_EXECUTION_MODE").withValue(mode).endEnv().endContainer()
                .endSpec().build();
    }

    private static void returnedReplicaSet(String name, String revision, String history, String created,
                                           String mode) {
        var meta = new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace("ap-returned")
                .addToLabels("app", "returned").addToLabels(DemoFleet.WORKER_LABEL_KEY, DemoFleet.WORKER_LABEL_VALUE)
                .addToAnnotations("deployment.kubernetes.io/revision", revision)
                .withCreationTimestamp(created).addNewOwnerReference().withApiVersion("apps/v1")
                .withKind("Deployment").withName("returned").withUid("returned").endOwnerReference();
        if (history != null) {
            meta.addToAnnotations("deployment.kubernetes.io/revision-history", history);
        }
        client.apps().replicaSets().inNamespace("ap-returned").resource(
                new io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder().withMetadata(meta.build())
                        .withNewSpec().withNewSelector().addToMatchLabels("app", "returned").endSelector()
                        .withTemplate(returnedTemplate(mode)).endSpec().build()).create();
    }

    @Test
    void anAllowedReviewLetsThePatchChangeTheEnvAndRecordItsCause() {
        cluster().expect().post().withPath(SSAR).andReturn(201, new SelfSubjectAccessReviewBuilder()
                .withNewStatus().withAllowed(true).endStatus().build()).once();
        WorkloadRef globex = new WorkloadRef("ap-dedicated-globex", WorkloadKind.DEPLOYMENT,
                "activepieces-worker-globex");
        assertThat(patcher.canPatch(globex).allowed()).isTrue();
        // the adapter's write, as the guard calls it
        patcher.write(new ModeWrite(globex, "worker", DeclaredEnv.value("SANDBOX_PROCESS"),
                ExecutionMode.SANDBOX_CODE_AND_PROCESS, "pitwall trust fix by test"));

        Deployment d = client.apps().deployments().inNamespace("ap-dedicated-globex")
                .withName("activepieces-worker-globex").get();
        assertThat(d.getMetadata().getAnnotations()).containsEntry("kubernetes.io/change-cause",
                "pitwall trust fix by test");
        assertThat(fleet.declaredMode("globex")).isEqualTo("SANDBOX_CODE_AND_PROCESS");
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()).extracting(EnvVar::getName)
                .containsExactly("AP_CONTAINER_TYPE", "AP_WORKER_GROUP_ID", "AP_EXECUTION_MODE");
    }

    @Test
    void aForbiddenReviewIsADenialWithTheReasonAndAStaleValueIsNeverPatched() {
        cluster().expect().post().withPath(SSAR).andReturn(201, new SelfSubjectAccessReviewBuilder()
                .withNewStatus().withAllowed(false).withReason("RBAC: no rule allows patch").endStatus().build())
                .once();
        WorkloadRef acme = new WorkloadRef("ap-dedicated-acme", WorkloadKind.DEPLOYMENT, "activepieces-worker-acme");
        AccessDecision decision = patcher.canPatch(acme);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("patch on deployments in namespace ap-dedicated-acme is not allowed "
                + "(RBAC: no rule allows patch)");

        assertThatThrownBy(() -> patcher.write(new ModeWrite(acme, "worker", DeclaredEnv.value("SANDBOX_CODE_ONLY"),
                ExecutionMode.SANDBOX_PROCESS, "cause")))
                .isInstanceOf(TrustChangeException.class)
                .hasMessageContaining("is now SANDBOX_PROCESS, not SANDBOX_CODE_ONLY as previewed");
        assertThat(fleet.declaredMode("acme")).isEqualTo("SANDBOX_PROCESS");
    }

    private static KubernetesMockServer cluster() {
        return mock.server();
    }
}
