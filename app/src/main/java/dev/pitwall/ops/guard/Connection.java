package dev.pitwall.ops.guard;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.TargetIdentity;

import java.util.Optional;

/** A port: what the guard needs to know about the connection it guards (the app builds it from the profile). */
public interface Connection {

    /** Why nothing may be written ("profile X", "--read-only"), or empty when writes are allowed. */
    Optional<String> readOnly();

    /**
     * Where this connection's back-end of {@code kind} is.
     *
     * @throws WriteRefused when that cannot be told: the connection has no such back-end, or its kube context is no
     *                      longer in the kubeconfig
     */
    TargetIdentity identity(BackendKind kind);

    /** Whether writes need the typed confirmation (a production profile or kube context; never the demo). */
    boolean production();
}
