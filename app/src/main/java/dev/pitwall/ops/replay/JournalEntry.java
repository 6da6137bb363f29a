package dev.pitwall.ops.replay;

import java.time.Instant;
import java.util.List;

/**
 * One line of a replay's journal. The journal is written and flushed before each batch is sent and after its answer,
 * so that after any crash the replay knows which runs were surely sent, surely not sent, or in doubt.
 */
public sealed interface JournalEntry {

    Instant at();

    /** The first line: the plan and settings, so that resuming needs nothing but the journal. */
    record Started(Instant at, ReplayPlan plan, ReplaySettings settings) implements JournalEntry {
    }

    /** About to send these ids; if no Answered follows, the outcome is unknown. */
    record Sending(Instant at, long batch, String partition, List<String> ids, boolean canary)
            implements JournalEntry {
    }

    /** The target's answer to a batch: accepted ids, and per-id errors (not retried). */
    record Answered(Instant at, long batch, List<String> accepted, List<Rejected> rejected) implements JournalEntry {
    }

    /** The batch failed as a whole after its tries; its ids are in doubt until their status is read. */
    record BatchFailed(Instant at, long batch, String reason) implements JournalEntry {
    }

    /** Ids found already taken up (queued, running, succeeded) when their batch's answer was unknown: never resent. */
    record Skipped(Instant at, List<String> ids, String reason) implements JournalEntry {
    }

    /** A replayed run reached its end (or was given up on). */
    record Finished(Instant at, String id, Outcome outcome, String failedStep, String message)
            implements JournalEntry {
    }

    /** Every canary run succeeded: the rest may follow. */
    record CanaryPassed(Instant at) implements JournalEntry {
    }

    /** Ids whose batch answer was unknown, found untouched (still the planned failure): safe to send again. */
    record Released(Instant at, List<String> ids) implements JournalEntry {
    }

    /** The replay stopped before the end, and why (canary failed, key revoked, cancelled). */
    record Stopped(Instant at, String reason) implements JournalEntry {
    }

    /** Everything was sent and followed up. */
    record Completed(Instant at) implements JournalEntry {
    }

    record Rejected(String id, String code, String message) {
    }

    enum Outcome { SUCCEEDED, FAILED_AGAIN, STUCK_QUEUED, UNFINISHED, MISSING }
}
