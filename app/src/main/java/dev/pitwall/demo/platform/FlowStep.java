package dev.pitwall.demo.platform;

/**
 * One step of a flow after its trigger. {@code npmPackage} is set for code steps that import an npm package: they
 * fail where the execution mode strips dependencies (SANDBOX_CODE_ONLY).
 */
public record FlowStep(String name, String displayName, String npmPackage) {

    public boolean needsNpm() {
        return npmPackage != null;
    }
}
