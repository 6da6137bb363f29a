package dev.pitwall.ops.canary;

/** A canary engine on a profile's back-ends, and how to release them. */
public record CanarySession(CanaryEngine engine, Runnable closer) implements AutoCloseable {

    @Override
    public void close() {
        closer.run();
    }
}
