package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

/**
 * What the policy expects of one worker group or namespace.
 *
 * @param rule  how the policy says it, for messages: "executionMode" or "trustedEnvironment: true"
 * @param smoke the smoke flow to run, or null
 */
public record PolicyEntry(ExecutionMode mode, String rule, SmokeFlow smoke) {
}
