package dev.pitwall.demo.scenario;

import java.util.Arrays;
import java.util.Optional;

/** The demo's scenarios: a healthy fleet, or the outage replayed on a clock. */
public enum Scenario {
    STEADY,
    INCIDENT;

    public String id() {
        return name().toLowerCase();
    }

    public static Optional<Scenario> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
    }
}
