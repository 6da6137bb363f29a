package dev.pitwall.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Something an on-call engineer must look at.
 *
 * @param kind    what kind of condition ("volume-full-soon", "crash-loop", ...): with the subject, the identity of the
 *                alert, so that a condition that stays true is one alert, not one per check
 * @param subject what it is about ("ap-shared/activepieces-worker-3")
 */
public record Alert(Severity severity, String kind, String subject, String message, Instant raisedAt) {

    public enum Severity { WARNING, CRITICAL }

    public Alert {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        message = message == null ? "" : message;
    }

    /** The identity of the condition: kind and subject. */
    public String key() {
        return kind + " " + subject;
    }

    public Alert raisedAt(Instant at) {
        return new Alert(severity, kind, subject, message, at);
    }
}
