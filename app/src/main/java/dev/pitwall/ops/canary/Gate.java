package dev.pitwall.ops.canary;

/** The checks that compare the canary with the stable pods while it runs. */
public enum Gate {
    FAILURE_RATE("failure rate"),
    RESTARTS("restarts and crash-loops"),
    FILL_RATE("volume fill rate"),
    TIME_TO_FULL("volume time to full"),
    HEARTBEATS("heartbeats"),
    QUEUE_DEPTH("queue depth");

    private final String label;

    Gate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
