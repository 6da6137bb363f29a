package dev.pitwall.kube;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * "May I?" asked of the API server (SelfSubjectAccessReview) before any write, so that a forbidden verb is refused
 * with its reason before anything changes. Failures of the review itself propagate as the client's exceptions.
 */
final class AccessReviews {

    private AccessReviews() {
    }

    /**
     * @param name the object's name, or null/empty for any object of the resource
     * @return the review's status; null when the server sent none
     */
    static SubjectAccessReviewStatus review(KubernetesClient client, String verb, String group, String resource,
                                            String namespace, String name) {
        return client.authorization().v1().selfSubjectAccessReview().create(new SelfSubjectAccessReviewBuilder()
                .withNewMetadata().endMetadata()
                .withNewSpec().withNewResourceAttributes()
                .withVerb(verb).withGroup(group).withResource(resource).withNamespace(namespace)
                .withName(name == null || name.isEmpty() ? null : name)
                .endResourceAttributes().endSpec().build()).getStatus();
    }

    static boolean allowed(KubernetesClient client, String verb, String group, String resource, String namespace,
                           String name) {
        SubjectAccessReviewStatus status = review(client, verb, group, resource, namespace, name);
        return status != null && Boolean.TRUE.equals(status.getAllowed());
    }
}
