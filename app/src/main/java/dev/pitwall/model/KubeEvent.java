package dev.pitwall.model;

import java.time.Instant;

/**
 * A Kubernetes Event about a worker pod or workload.
 *
 * @param type     "Normal" or "Warning" (as the API says)
 * @param lastSeen the event's last timestamp (or event time, or creation time when the others are missing)
 */
public record KubeEvent(String namespace, String objectKind, String objectName, String type, String reason,
                        String message, int count, Instant lastSeen) {

    public boolean isWarning() {
        return "Warning".equalsIgnoreCase(type);
    }
}
