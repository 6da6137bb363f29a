package dev.pitwall.ops.exec;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one piece of work on a {@link BackgroundExecutor}, never twice at the same time, however often it is requested:
 * requests that arrive while it runs collapse into one more run. The work must look for what is new itself (drain a
 * queue, take the latest value).
 */
public final class CoalescingTask {

    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int RUN_AGAIN = 2;

    private final BackgroundExecutor executor;
    private final Runnable work;
    private final AtomicInteger state = new AtomicInteger(IDLE);

    public CoalescingTask(BackgroundExecutor executor, Runnable work) {
        this.executor = executor;
        this.work = work;
    }

    /** From any thread: make sure the work runs (again) soon. */
    public void request() {
        int s;
        do {
            s = state.get();
            if (s == RUN_AGAIN) {
                return;
            }
        } while (!state.compareAndSet(s, s + 1));
        if (s == IDLE) {
            // a closed executor drops the run (the application is stopping): the task then stays busy, so later
            // requests are dropped here at once
            executor.run(this::loop);
        }
    }

    private void loop() {
        do {
            try {
                work.run();
            } catch (Throwable e) {
                // The work reports its own failures; one failed run must not stop the ones requested after it. Errors
                // too (an OutOfMemoryError, a class that failed to initialise): escaping here would leave the state
                // RUNNING for ever, and every later request would be dropped without a trace.
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        } while (state.decrementAndGet() != IDLE);
    }
}
