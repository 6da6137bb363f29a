package dev.pitwall.demo.world;

import java.time.Duration;
import java.time.Instant;

/**
 * A part of the simulated world that moves with the simulation clock. Parts are ticked one after another on one
 * thread, in a fixed order, so that a seeded world is deterministic when ticked by hand in tests.
 */
public interface Simulated {

    /** Advances this part from {@code now - step} to {@code now} (simulated time). */
    void tick(Instant now, Duration step);
}
