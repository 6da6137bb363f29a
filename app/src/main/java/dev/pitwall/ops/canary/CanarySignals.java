package dev.pitwall.ops.canary;

import dev.pitwall.ops.rollback.Heartbeat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A port: what the gates measure besides the pods. Each reading is empty when the profile lacks that back-end (the
 * gate then says so and does not judge); an unreachable back-end throws {@link SignalException}.
 */
public interface CanarySignals {

    /** Runs created since {@code since} that have finished, with the worker that ran them. */
    Optional<List<RunOutcome>> finishedRuns(Instant since);

    /** Usage of the volumes of the pods in {@code namespace} on these nodes (kubelet stats). */
    Optional<List<VolumeUse>> volumes(String namespace, Collection<String> nodes);

    Optional<List<Heartbeat>> heartbeats();

    /** Jobs waiting in the queue the workload's workers pull from ({@code groupId} null for the shared queue). */
    OptionalLong waitingJobs(String groupId);

    /** One finished run: who ran it and whether it failed. */
    record RunOutcome(String workerId, boolean failed) {
    }

    /**
     * One pod volume's usage.
     *
     * @param claim the PersistentVolumeClaim behind it, or null (emptyDir)
     * @param at    when the kubelet measured it, or null when it does not say
     */
    record VolumeUse(String pod, String volume, String claim, long usedBytes, long capacityBytes, Instant at) {
    }

    /** A back-end could not be read; the gate waits and says why. */
    final class SignalException extends RuntimeException {
        public SignalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
