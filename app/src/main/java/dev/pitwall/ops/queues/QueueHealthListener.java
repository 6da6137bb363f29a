package dev.pitwall.ops.queues;

/** Told after every refresh whether Redis answered, so that the console's back-end status follows the queues view. */
public interface QueueHealthListener {

    void refreshed();

    void failed(String reason);

    static QueueHealthListener none() {
        return new QueueHealthListener() {
            @Override
            public void refreshed() {
            }

            @Override
            public void failed(String reason) {
            }
        };
    }
}
