package dev.pitwall.kube;

import dev.pitwall.ops.canary.SecretKeyRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a canary changes in a pod template's first container: the image, env values, and env values taken from
 * Secrets ({@code valueFrom.secretKeyRef}: the value itself never passes through Pitwall). Each variable replaces the
 * one of that name or is added after the others.
 */
record TemplateChange(String image, Map<String, String> env, Map<String, SecretKeyRef> envFromSecret) {

    /** The canary's template: this change, plus the canary's labels. */
    PodTemplateSpec canary(PodTemplateSpec template, Map<String, String> canaryLabels) {
        template.getMetadata().setLabels(KubeCanaryCluster.merged(template.getMetadata().getLabels(), canaryLabels));
        apply(template.getSpec().getContainers().get(0));
        return template;
    }

    void apply(Container container) {
        container.setImage(image);
        List<EnvVar> vars = new ArrayList<>(Objects.requireNonNullElse(container.getEnv(), List.of()));
        env.forEach((name, value) -> put(vars, new EnvVar(name, value, null)));
        envFromSecret.forEach((name, ref) -> put(vars, new EnvVarBuilder().withName(name).withNewValueFrom()
                .withNewSecretKeyRef(ref.key(), ref.secret(), false).endValueFrom().build()));
        container.setEnv(vars);
    }

    private static void put(List<EnvVar> vars, EnvVar variable) {
        vars.removeIf(v -> v.getName().equals(variable.getName()));
        vars.add(variable);
    }
}
