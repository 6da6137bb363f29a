package dev.pitwall.demo.platform;

/** Where and why a run failed. The platform caps the message at 700 characters. */
public record FailedStep(String name, String displayName, String message) {

    static final int MAX_MESSAGE = 700;

    public FailedStep {
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
    }

    static FailedStep at(FlowStep step, String message) {
        return new FailedStep(step.name(), step.displayName(), message);
    }
}
