package dev.pitwall.ops.canary;

import java.util.Optional;

/** A port: the execution mode the trust policy expects of a worker group (or "shared") in a namespace. */
@FunctionalInterface
public interface ModePolicy {

    /** The expected mode and where it comes from ("SANDBOX_PROCESS (group wg-acme)"); empty when unconstrained. */
    Optional<Expected> expected(String group, String namespace);

    record Expected(String mode, String text) {
    }

    ModePolicy NONE = (group, namespace) -> Optional.empty();
}
