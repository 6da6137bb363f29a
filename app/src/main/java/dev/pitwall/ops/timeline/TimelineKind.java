package dev.pitwall.ops.timeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a timeline entry is about; the incident timeline filters by it. */
public enum TimelineKind {
    KUBE_EVENT("kube-event", "Kubernetes event"),
    REVISION("revision", "revision change"),
    TRUST("trust", "trust change or drift"),
    QUEUE_SPIKE("queue-spike", "queue spike"),
    FAILURE_SPIKE("failure-spike", "failure-rate spike"),
    ALERT("alert", "alert"),
    ACTION("action", "Pitwall action");

    private final String id;
    private final String text;

    TimelineKind(String id, String text) {
        this.id = id;
        this.text = text;
    }

    /** The name on the command line and in JSON, e.g. "kube-event". */
    public String id() {
        return id;
    }

    public String text() {
        return text;
    }

    public static Optional<TimelineKind> byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted) || k.name().equalsIgnoreCase(wanted))
                .findFirst();
    }
}
