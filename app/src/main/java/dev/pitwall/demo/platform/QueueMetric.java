package dev.pitwall.demo.platform;

/** A queue's depth as the platform's queue-metrics endpoint reports it. */
record QueueMetric(String name, long waiting, long active) {
}
