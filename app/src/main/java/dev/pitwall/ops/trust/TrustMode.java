package dev.pitwall.ops.trust;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The execution modes of Activepieces workers (reference/activepieces.md, "Trust"). */
public enum TrustMode {
    UNSANDBOXED(true),
    SANDBOX_PROCESS(true),
    /** Strips npm dependencies from code steps: a code step that imports a package fails. */
    SANDBOX_CODE_ONLY(false),
    SANDBOX_CODE_AND_PROCESS(true);

    /** What the app runs when AP_EXECUTION_MODE is not set. */
    public static final TrustMode APP_DEFAULT = UNSANDBOXED;
    /** The older name of SANDBOX_PROCESS, which older installs still set. */
    public static final String OLD_NAME_OF_SANDBOX_PROCESS = "SANDBOXED";

    private final boolean npmAllowed;

    TrustMode(boolean npmAllowed) {
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
    public static Optional<TrustMode> parse(String value) {
        if (OLD_NAME_OF_SANDBOX_PROCESS.equals(value)) {
            return Optional.of(SANDBOX_PROCESS);
        }
        return Arrays.stream(values()).filter(m -> m.name().equals(value)).findFirst();
    }

    /** Older installs' dedicated-worker flag: trusted runs SANDBOX_PROCESS, untrusted SANDBOX_CODE_AND_PROCESS. */
    public static TrustMode fromTrustedEnvironment(boolean trusted) {
        return trusted ? SANDBOX_PROCESS : SANDBOX_CODE_AND_PROCESS;
    }

    /** "UNSANDBOXED, SANDBOX_PROCESS, ...", for messages that list the choices. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
