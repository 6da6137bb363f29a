package dev.pitwall.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.util.List;
import java.util.Set;

/** The objects trust is assembled from, as read at one moment (listed, or from informer caches). */
record ClusterObjects(List<Deployment> deployments, List<StatefulSet> statefulSets, List<Pod> pods,
                      List<ReplicaSet> replicaSets, List<ControllerRevision> controllerRevisions,
                      Set<String> selectedNamespaces) {
}
