package dev.pitwall.ops.fleet;

import dev.pitwall.ops.connect.Redaction;

import java.util.Objects;

/**
 * One environment variable of a worker container, safe to show: values from Secrets are never read, and literal values
 * whose name suggests a secret are masked when the variable is made, so no secret ever enters the fleet's state.
 *
 * @param value the literal value, or null when masked or taken from a reference
 * @param from  where a referenced value comes from ("secret ap-keys/AP_API_KEY", "configMap ap-env/MODE",
 *              "field status.podIP"), null for a literal
 */
public record EnvVar(String name, String value, Kind kind, String from) {

    public enum Kind { LITERAL, MASKED, SECRET_REF, CONFIG_MAP_REF, FIELD_REF, RESOURCE_REF }

    /** Shown instead of a masked literal. */
    public static final String MASK = "\u2022\u2022\u2022\u2022\u2022\u2022";
    /** Shown instead of a value that comes from a Secret. */
    public static final String SECRET = "(secret)";

    public EnvVar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** A literal value, masked when the name contains KEY, TOKEN, PASSWORD or SECRET. */
    public static EnvVar literal(String name, String value) {
        return looksSecret(name) ? new EnvVar(name, null, Kind.MASKED, null)
                : new EnvVar(name, value, Kind.LITERAL, null);
    }

    public static EnvVar reference(String name, Kind kind, String from) {
        return new EnvVar(name, null, kind, from);
    }

    public static boolean looksSecret(String name) {
        return Redaction.secretName(name);
    }

    /** What the detail pane shows as the value. */
    public String display() {
        return switch (kind) {
            case LITERAL -> value == null ? "" : value;
            case MASKED -> MASK;
            case SECRET_REF -> SECRET;
            default -> "(from " + from + ")";
        };
    }
}
