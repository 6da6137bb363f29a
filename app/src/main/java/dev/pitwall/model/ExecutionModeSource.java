package dev.pitwall.model;

/** Where a worker's execution mode was read: its own heartbeat (what it runs) or its pod's env (what it was given). */
public enum ExecutionModeSource {
    HEARTBEAT,
    ENV
}
