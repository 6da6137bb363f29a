package dev.pitwall.ops.trust;

/**
 * Whether the user may make a change, as the cluster's access review answered.
 *
 * @param reason why not (or the review's own reason), never null when not allowed
 */
public record AccessDecision(boolean allowed, String reason) {

    public static AccessDecision allow() {
        return new AccessDecision(true, "");
    }

    public static AccessDecision deny(String reason) {
        return new AccessDecision(false, reason);
    }
}
