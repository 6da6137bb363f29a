package dev.pitwall.demo.platform;

import dev.pitwall.demo.bullmq.BullMqBatch;
import dev.pitwall.demo.bullmq.BullQueue;

import java.util.HashSet;
import java.util.Set;

/** Writes each queue's BullMQ {@code meta} hash once, before the first job this process adds to it. */
final class QueueMeta {

    private final Set<BullQueue> written = new HashSet<>();

    void ensure(BullMqBatch batch, BullQueue queue) {
        if (written.add(queue)) {
            batch.writeMeta(queue);
        }
    }
}
