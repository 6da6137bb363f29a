package dev.pitwall.demo.cluster;

import dev.pitwall.demo.world.ImageBehaviour;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A worker's cache volume and how it fills. Activepieces cleans its cache only at start-up, so usage grows for as
 * long as the container runs, at a pace set by the image:
 * <ul>
 *   <li>healthy images (and {@link ImageBehaviour#FAILS_RUNS}) install pieces at a few MiB a minute, slowing as the
 *       cache holds what the runs need; they level off well below the capacity and never fill it;</li>
 *   <li>{@link ImageBehaviour#FILLS_CACHE} images fill it at a steady pace: a fresh worker in 30 to 45 minutes, a worker
 *       restarted after a crash in 3 to 6 (it starts into the backlog that queued while it was down), so that crashed
 *       workers crash again within kubelet's back-off memory and the back-off grows.</li>
 * </ul>
 */
final class CacheVolume {

    static final String NAME = "cache";
    private static final long MIB = 1024L * 1024;

    private final String claimName;
    private final long capacity;
    private final ImageBehaviour behaviour;
    private final SplittableRandom random;

    private long used;
    private double bytesPerSecond;
    private long levelsOffAt;

    /** {@code claimName}: the PVC behind the volume, or null for an emptyDir. */
    CacheVolume(String claimName, long capacity, ImageBehaviour behaviour, SplittableRandom random) {
        this.claimName = claimName;
        this.capacity = capacity;
        this.behaviour = behaviour;
        this.random = random;
    }

    /** The start-up clean of a container start: what is left is the base the worker installs before its first run. */
    void cleanAtStart(boolean afterCrash) {
        used = (24 + random.nextInt(40)) * MIB;
        if (behaviour == ImageBehaviour.FILLS_CACHE) {
            double minutes = afterCrash ? 3 + random.nextDouble() * 3 : 30 + random.nextDouble() * 15;
            bytesPerSecond = (capacity - used) / (minutes * 60);
        } else {
            bytesPerSecond = (2 + random.nextDouble() * 3) * MIB / 60;
            levelsOffAt = (long) (capacity * (0.6 + random.nextDouble() * 0.2));
        }
    }

    /** A worker that has been running for a long time: its cache holds between a fifth and 45% of the capacity. */
    void seedUsage() {
        cleanAtStart(false);
        used = (long) (capacity * (0.2 + random.nextDouble() * 0.25));
    }

    void grow(Duration step) {
        double noise = 0.85 + random.nextDouble() * 0.3;
        double rate = bytesPerSecond;
        if (behaviour != ImageBehaviour.FILLS_CACHE) {
            rate *= Math.max(0, 1 - (double) used / levelsOffAt);
        }
        used = Math.min(capacity, used + (long) (rate * noise * step.toMillis() / 1000));
    }

    boolean isFull() {
        return used >= capacity;
    }

    long used() {
        return used;
    }

    long capacity() {
        return capacity;
    }

    String claimName() {
        return claimName;
    }
}
