package dev.pitwall.ops.replay;

/** A port: how many jobs wait in the queues a replay feeds (the largest waiting depth among them). */
@FunctionalInterface
public interface QueueDepthGauge {

    long waiting();
}
