package dev.pitwall.app;

import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.canary.CanarySignals;
import dev.pitwall.ops.fleet.FeedException;
import dev.pitwall.ops.fleet.VolumeStatsSource;
import dev.pitwall.ops.rollback.Heartbeat;
import dev.pitwall.ops.rollback.HeartbeatSource;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.PlatformException;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The canary gates' signals from the profile's adapters: finished runs with their worker from the platform, volume
 * usage from the kubelets, heartbeats and queue depth from Redis. A null adapter means the profile lacks that
 * back-end.
 */
final class CanarySignalSources implements CanarySignals {

    /** At most this many runs are read per evaluation (newest first): enough to judge, bounded in cost. */
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 20;

    private final FlowRunSource runs;
    private final VolumeStatsSource volumes;
    private final HeartbeatSource heartbeats;
    private final Function<String, OptionalLong> waiting;

    /**
     * @param waiting jobs waiting in a queue by name, or null without Redis
     */
    CanarySignalSources(FlowRunSource runs, VolumeStatsSource volumes, HeartbeatSource heartbeats,
                        Function<String, OptionalLong> waiting) {
        this.runs = runs;
        this.volumes = volumes;
        this.heartbeats = heartbeats;
        this.waiting = waiting;
    }

    @Override
    public Optional<List<RunOutcome>> finishedRuns(Instant since) {
        if (runs == null) {
            return Optional.empty();
        }
        try {
            List<RunOutcome> out = new ArrayList<>();
            RunQuery query = new RunQuery(null, List.of(), List.of(), since, null, null, null, List.of());
            String cursor = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                RunPage p = runs.page(query, cursor, PAGE);
                for (FlowRun run : p.runs()) {
                    if (run.workerId() != null && !run.status().isInProgress() && run.finishTime() != null) {
                        out.add(new RunOutcome(run.workerId(), run.status().isFailed()));
                    }
                }
                cursor = p.next();
                if (cursor == null) {
                    break;
                }
            }
            return Optional.of(out);
        } catch (PlatformException e) {
            throw new SignalException("the platform: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<List<VolumeUse>> volumes(String namespace, Collection<String> nodes) {
        if (volumes == null) {
            return Optional.empty();
        }
        List<VolumeUse> out = new ArrayList<>();
        for (String node : nodes) {
            try {
                for (VolumeStatsSource.VolumeUsage u : volumes.read(node)) {
                    if (u.namespace().equals(namespace)) {
                        out.add(new VolumeUse(u.pod(), u.volume(), u.pvc(), u.usedBytes(), u.capacityBytes(),
                                u.at()));
                    }
                }
            } catch (FeedException e) {
                throw new SignalException("the kubelet stats of " + node + ": " + e.getMessage(), e);
            }
        }
        return Optional.of(out);
    }

    @Override
    public Optional<List<Heartbeat>> heartbeats() {
        if (heartbeats == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(heartbeats.heartbeats());
        } catch (RuntimeException e) {
            throw new SignalException("the heartbeats in Redis: " + e.getMessage(), e);
        }
    }

    @Override
    public OptionalLong waitingJobs(String groupId) {
        if (waiting == null) {
            return OptionalLong.empty();
        }
        String queue = groupId == null ? "workerJobs" : "platform-" + groupId + "-jobs";
        try {
            return waiting.apply(queue);
        } catch (RuntimeException e) {
            throw new SignalException("the depth of queue " + queue + " in Redis: " + e.getMessage(), e);
        }
    }
}
