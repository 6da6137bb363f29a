package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

/**
 * AP_EXECUTION_MODE as a workload's pod template sets it.
 *
 * @param set   whether the template sets the variable at all (unset: the app default applies)
 * @param value the value, or null when unset or when it comes from somewhere Pitwall does not read (a Secret)
 * @param from  where the value comes from: "env", "ConfigMap NAME key KEY", or why it was not read
 */
public record DeclaredEnv(boolean set, String value, String from) {

    public static DeclaredEnv unset() {
        return new DeclaredEnv(false, null, "not set");
    }

    public static DeclaredEnv value(String value) {
        return new DeclaredEnv(true, value, "env");
    }

    public static DeclaredEnv fromConfigMap(String value, String configMap, String key) {
        return new DeclaredEnv(true, value, "ConfigMap " + configMap + " key " + key);
    }

    public static DeclaredEnv unreadable(String why) {
        return new DeclaredEnv(true, null, why);
    }

    /** The same setting (where it comes from aside): both unset, or the same value. */
    public boolean sameSetting(DeclaredEnv other) {
        return set == other.set && java.util.Objects.equals(value, other.value);
    }

    /** As the engine compares it: unset is the app default, marked by the caller as defaulted. */
    public ModeReading reading() {
        if (!set) {
            return ModeReading.known(ExecutionMode.APP_DEFAULT);
        }
        return value == null ? ModeReading.unread(from) : ModeReading.of(value);
    }

    /** For diffs and the audit log: the value, "(not set)", or where it comes from. */
    public String text() {
        if (!set) {
            return "(not set)";
        }
        return value == null ? "(" + from + ")" : value + ("env".equals(from) ? "" : " (from " + from + ")");
    }
}
