package dev.pitwall.ops.alert;

import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.exec.CoalescingTask;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Writes every raise and clear of an {@link AlertCenter} to an {@link AlertHistory}, in order, on a background task:
 * alerts are raised on any thread (the FX thread included), and the writing is file I/O.
 */
public final class AlertRecorder implements Consumer<AlertCenter.Entry> {

    private final AlertHistory history;
    private final Queue<AlertCenter.Entry> pending = new ConcurrentLinkedQueue<>();
    private final CoalescingTask writer;

    public AlertRecorder(AlertHistory history, BackgroundExecutor executor) {
        this.history = history;
        this.writer = new CoalescingTask(executor, this::write);
    }

    @Override
    public void accept(AlertCenter.Entry entry) {
        pending.add(entry);
        writer.request();
    }

    private void write() {
        AlertCenter.Entry entry;
        while ((entry = pending.poll()) != null) {
            history.append(entry);
        }
    }
}
