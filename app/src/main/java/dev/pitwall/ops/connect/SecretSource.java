package dev.pitwall.ops.connect;

import java.util.Optional;

/** A port: looks up a secret by its reference (an environment variable name). Secrets are never stored by Pitwall. */
public interface SecretSource {

    Optional<String> lookup(String reference);

    /** Secrets from the process environment. */
    static SecretSource environment() {
        return ref -> ref == null || ref.isBlank() ? Optional.empty() : Optional.ofNullable(System.getenv(ref));
    }
}
