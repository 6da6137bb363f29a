package dev.pitwall.demo.world;

import java.util.List;

/** The worker pods that exist right now, from the cluster simulator, for the platform simulator. */
@FunctionalInterface
public interface WorkerRoster {

    List<SimWorker> workers();
}
