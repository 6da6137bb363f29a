package dev.pitwall.ops.fleet;

import dev.pitwall.model.Heartbeat;

import java.util.List;

/** A port: the workers' heartbeats (Activepieces keeps them in the Redis hash {@code workerMachines}). */
public interface HeartbeatSource extends AutoCloseable {

    /** Every heartbeat now; entries that cannot be read are left out and described in {@link Read#problems()}. */
    Read read() throws FeedException;

    @Override
    void close();

    record Read(List<Heartbeat> heartbeats, List<String> problems) {

        public Read {
            heartbeats = List.copyOf(heartbeats);
            problems = List.copyOf(problems);
        }
    }
}
