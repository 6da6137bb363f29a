package dev.pitwall.ops.trust;

import java.util.List;

/**
 * The outcome of looking for the trust policy: none referenced, referenced but missing (to be created from a
 * snapshot), unusable (with its problems), or read.
 *
 * @param location the file, or null when none is referenced
 * @param policy   the policy when it was read, else null
 * @param problems why it cannot be used (empty when read, or when none is referenced or it is missing)
 */
public record PolicyLoad(String location, TrustPolicy policy, List<String> problems) {

    public PolicyLoad {
        problems = List.copyOf(problems);
    }

    public static PolicyLoad none() {
        return new PolicyLoad(null, null, List.of());
    }

    public static PolicyLoad missing(String location) {
        return new PolicyLoad(location, null, List.of());
    }

    public static PolicyLoad invalid(String location, List<String> problems) {
        return new PolicyLoad(location, null, problems);
    }

    public static PolicyLoad loaded(String location, TrustPolicy policy) {
        return new PolicyLoad(location, policy, List.of());
    }

    public boolean isLoaded() {
        return policy != null;
    }

    public boolean isInvalid() {
        return !problems.isEmpty();
    }

    /** The policy to check against: the one read, or an empty one (each group's own history then expects). */
    public TrustPolicy policyOrEmpty() {
        return policy != null ? policy : TrustPolicy.empty(location == null ? "(no policy)" : location);
    }

    /** One line for the screen and the command line. */
    public String describe() {
        if (location == null) {
            return "no trust policy: each group is expected to run the mode its revision history settled in";
        }
        if (isInvalid()) {
            return "trust policy " + location + " cannot be used:\n  " + String.join("\n  ", problems);
        }
        return policy == null ? "trust policy " + location + " does not exist yet: save a snapshot there"
                : "trust policy " + location;
    }
}
