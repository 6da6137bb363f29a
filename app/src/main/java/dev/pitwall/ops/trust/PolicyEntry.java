package dev.pitwall.ops.trust;

/**
 * What the policy expects of one worker group or namespace.
 *
 * @param rule  how the policy says it, for messages: "executionMode" or "trustedEnvironment: true"
 * @param smoke the smoke flow to run, or null
 */
public record PolicyEntry(TrustMode mode, String rule, SmokeFlow smoke) {
}
