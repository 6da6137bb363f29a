package dev.pitwall.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How an Activepieces worker isolates flow code (AP_EXECUTION_MODE; reference/activepieces.md, "Trust"). One type for
 * the fleet, trust, rollback and canaries: a value that names no mode has no constant, so it is never taken for one.
 */
public enum ExecutionMode {
    UNSANDBOXED(true),
    SANDBOX_PROCESS(true),
    /** Strips npm dependencies from code steps: a code step that imports a package fails. */
    SANDBOX_CODE_ONLY(false),
    SANDBOX_CODE_AND_PROCESS(true);

    /** What the app runs when AP_EXECUTION_MODE is not set. */
    public static final ExecutionMode APP_DEFAULT = UNSANDBOXED;
    /** The older name of SANDBOX_PROCESS, which older installs still set. */
    public static final String OLD_NAME_OF_SANDBOX_PROCESS = "SANDBOXED";

    private final boolean npmAllowed;

    ExecutionMode(boolean npmAllowed) {
        this.npmAllowed = npmAllowed;
    }

    /** Whether code steps may import npm packages in this mode. */
    public boolean allowsNpm() {
        return npmAllowed;
    }

    /**
     * The mode a value names, exactly as the app reads it (no trimming, no case folding), or empty for any other
     * value: an unknown value is never taken for a default.
     */
    public static Optional<ExecutionMode> parse(String value) {
        if (OLD_NAME_OF_SANDBOX_PROCESS.equals(value)) {
            return Optional.of(SANDBOX_PROCESS);
        }
        return Arrays.stream(values()).filter(m -> m.name().equals(value)).findFirst();
    }

    /** Older installs' dedicated-worker flag: trusted runs SANDBOX_PROCESS, untrusted SANDBOX_CODE_AND_PROCESS. */
    public static ExecutionMode fromTrustedEnvironment(boolean trusted) {
        return trusted ? SANDBOX_PROCESS : SANDBOX_CODE_AND_PROCESS;
    }

    /** "UNSANDBOXED, SANDBOX_PROCESS, ...", for messages that list the choices. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
