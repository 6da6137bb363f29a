package dev.pitwall.model;

import java.util.List;
import java.util.Objects;

/**
 * Where the console connects. Secrets are never held here: only the names of environment variables that hold them.
 *
 * @param kubeconfig         path of the kubeconfig file, or null for the default ($KUBECONFIG, ~/.kube/config)
 * @param kubeContext        context name in that kubeconfig, or null for its current context
 * @param namespaceSelector  equality label selector (LABEL=VALUE) for the namespaces to watch, or null
 * @param workerSelector     equality label selector (LABEL=VALUE) for the worker workloads and pods, or null
 * @param namespaces         namespaces to watch in addition to the selected ones
 * @param redisUrl           redis:// or rediss:// URL without a password, or null when no Redis is used
 * @param redisPasswordEnv   name of the environment variable holding the Redis password, or null
 * @param platformUrl        base URL of the platform (Activepieces) API, or null
 * @param platformKeyEnv     name of the environment variable holding the platform API key, or null
 * @param readOnly           when true no mutating action is offered
 * @param production         when true risky actions ask for a typed confirmation
 * @param trustPolicy        path of the trust policy file, or null
 * @param queueNames         BullMQ queues to watch besides those found by their {@code bull:*:meta} keys
 * @param auditKeyEnv        name of the environment variable holding the audit log's key (its chain is then keyed),
 *                           or null; PITWALL_AUDIT_KEY_ENV wins over it
 */
public record ConnectionProfile(
        String name,
        String kubeconfig,
        String kubeContext,
        String namespaceSelector,
        String workerSelector,
        List<String> namespaces,
        String redisUrl,
        String redisPasswordEnv,
        String platformUrl,
        String platformKeyEnv,
        boolean readOnly,
        boolean production,
        String trustPolicy,
        List<String> queueNames,
        String auditKeyEnv) {

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        queueNames = queueNames == null ? List.of() : List.copyOf(queueNames);
    }

    /** A profile without an audit key variable of its own. */
    public ConnectionProfile(String name, String kubeconfig, String kubeContext, String namespaceSelector,
                             String workerSelector, List<String> namespaces, String redisUrl, String redisPasswordEnv,
                             String platformUrl, String platformKeyEnv, boolean readOnly, boolean production,
                             String trustPolicy, List<String> queueNames) {
        this(name, kubeconfig, kubeContext, namespaceSelector, workerSelector, namespaces, redisUrl, redisPasswordEnv,
                platformUrl, platformKeyEnv, readOnly, production, trustPolicy, queueNames, null);
    }

    /** A profile that names no queues of its own (they are then found by discovery only). */
    public ConnectionProfile(String name, String kubeconfig, String kubeContext, String namespaceSelector,
                             String workerSelector, List<String> namespaces, String redisUrl, String redisPasswordEnv,
                             String platformUrl, String platformKeyEnv, boolean readOnly, boolean production,
                             String trustPolicy) {
        this(name, kubeconfig, kubeContext, namespaceSelector, workerSelector, namespaces, redisUrl, redisPasswordEnv,
                platformUrl, platformKeyEnv, readOnly, production, trustPolicy, List.of());
    }

    public static ConnectionProfile empty(String name) {
        return new ConnectionProfile(name, null, null, null, null, List.of(), null, null, null, null, false, false, null,
                List.of(), null);
    }

    public boolean hasKubernetes() {
        return kubeconfig != null || kubeContext != null;
    }

    public boolean hasRedis() {
        return redisUrl != null && !redisUrl.isBlank();
    }

    public boolean hasPlatform() {
        return platformUrl != null && !platformUrl.isBlank();
    }

    public boolean isConfigured(BackendKind kind) {
        return switch (kind) {
            case KUBERNETES -> hasKubernetes();
            case REDIS -> hasRedis();
            case PLATFORM -> hasPlatform();
        };
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, kubeconfig, kubeContext, namespaceSelector, workerSelector, namespaces,
                redisUrl, redisPasswordEnv, platformUrl, platformKeyEnv, readOnly, production, trustPolicy, queueNames,
                auditKeyEnv);
    }

    public ConnectionProfile withReadOnly(boolean value) {
        return new ConnectionProfile(name, kubeconfig, kubeContext, namespaceSelector, workerSelector, namespaces,
                redisUrl, redisPasswordEnv, platformUrl, platformKeyEnv, value, production, trustPolicy, queueNames,
                auditKeyEnv);
    }

    public ConnectionProfile withQueueNames(List<String> names) {
        return new ConnectionProfile(name, kubeconfig, kubeContext, namespaceSelector, workerSelector, namespaces,
                redisUrl, redisPasswordEnv, platformUrl, platformKeyEnv, readOnly, production, trustPolicy, names,
                auditKeyEnv);
    }
}
