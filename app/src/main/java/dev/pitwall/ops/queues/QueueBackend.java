package dev.pitwall.ops.queues;

/** Everything the queue features read from one Redis: depth and failed sets. Closing it drops the connections. */
public interface QueueBackend extends QueueSource, FailedJobSource, AutoCloseable {

    @Override
    void close();
}
