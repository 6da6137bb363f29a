package dev.pitwall.ops.canary;

/**
 * An env variable's value taken from a key of a Kubernetes Secret: what the canary writes instead of a secret value,
 * which would otherwise be stored in the audit log, the journal and the canary's annotations.
 */
public record SecretKeyRef(String secret, String key) {

    public SecretKeyRef {
        if (secret == null || secret.isBlank() || key == null || key.isBlank()) {
            throw new IllegalArgumentException("a secret reference needs SECRET_NAME:KEY");
        }
    }

    /** "ap-keys:api-key" as a reference. */
    public static SecretKeyRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("a secret reference needs SECRET_NAME:KEY, got: " + text);
        }
        return new SecretKeyRef(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    @Override
    public String toString() {
        return secret + ":" + key;
    }
}
