package dev.pitwall.demo.platform;

import java.time.Clock;
import java.time.Duration;

/**
 * How the simulated platform behaves.
 *
 * @param sharedRunsPerMinute    new runs per simulated minute in each shared-cloud project
 * @param dedicatedRunsPerMinute new runs per simulated minute in each enterprise customer's project
 * @param retention              how far back (simulated time) runs can be retried
 * @param heartbeatInterval      real time between two heartbeats of one worker
 * @param wallClock              real time, for heartbeats (the console ages them against its own clock)
 */
public record PlatformOptions(double sharedRunsPerMinute, double dedicatedRunsPerMinute, Duration retention,
                              Duration heartbeatInterval, Clock wallClock) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(15);

    public PlatformOptions {
        if (sharedRunsPerMinute < 0 || dedicatedRunsPerMinute < 0) {
            throw new IllegalArgumentException("run rates must not be negative");
        }
    }

    /** Light steady traffic: 6 runs a minute per shared project, 3 per dedicated one. */
    public static PlatformOptions defaults() {
        return new PlatformOptions(6, 3, DEFAULT_RETENTION, DEFAULT_HEARTBEAT_INTERVAL, Clock.systemUTC());
    }

    public PlatformOptions withRates(double sharedPerMinute, double dedicatedPerMinute) {
        return new PlatformOptions(sharedPerMinute, dedicatedPerMinute, retention, heartbeatInterval, wallClock);
    }

    public PlatformOptions withWallClock(Clock clock) {
        return new PlatformOptions(sharedRunsPerMinute, dedicatedRunsPerMinute, retention, heartbeatInterval, clock);
    }
}
