package dev.pitwall.ops.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One volume's recent samples in two compact arrays (10,000 pods x an hour of samples stays small), plus the latest
 * capacity. The forecast uses the samples of a sliding window after the last big drop: the cache is emptied when a
 * worker starts, and the fill before that says nothing about the fill after it. The fleet keeps one per worker
 * volume; a canary's volume gates keep one per canary volume, so that both forecast alike.
 */
public final class VolumeHistory {

    /** An hour of samples at the 30 s kubelet cadence: what the detail chart shows. */
    static final int CAPACITY = 120;
    /** A drop larger than this share of the capacity starts a new fill. */
    private static final double DROP_SHARE = 0.01;

    private final ForecastRule rule;
    private final long[] times = new long[CAPACITY];
    private final long[] used = new long[CAPACITY];
    private int start;
    private int size;
    private long capacityBytes;
    /** Index (counted from the oldest kept sample) of the first sample after the last drop. */
    private int fillStart;

    public VolumeHistory(ForecastRule rule) {
        this.rule = rule;
    }

    /** Adds a sample; one no newer than the last (the same kubelet reading, read again) is left out: false. */
    public boolean add(Instant at, long usedBytes, long capacity) {
        long ms = at.toEpochMilli();
        if (size > 0 && ms <= times[index(size - 1)]) {
            return false;
        }
        if (size > 0 && used[index(size - 1)] - usedBytes > Math.max(VolumeForecast.FLAT_FLOOR_BYTES,
                DROP_SHARE * capacity)) {
            fillStart = size;
        }
        if (size == CAPACITY) {
            start = (start + 1) % CAPACITY;
            size--;
            fillStart = Math.max(0, fillStart - 1);
        }
        times[index(size)] = ms;
        used[index(size)] = usedBytes;
        size++;
        capacityBytes = capacity;
        return true;
    }

    long capacityBytes() {
        return capacityBytes;
    }

    VolumeSample latest() {
        return size == 0 ? null : sample(size - 1);
    }

    /** Every kept sample, oldest first (for the chart). */
    List<VolumeSample> samples() {
        List<VolumeSample> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(sample(i));
        }
        return out;
    }

    /** The samples of the current fill (since the last big drop), oldest first. */
    public List<VolumeSample> fill() {
        List<VolumeSample> out = new ArrayList<>(size - fillStart);
        for (int i = fillStart; i < size; i++) {
            out.add(sample(i));
        }
        return out;
    }

    public VolumeForecast.Result forecast() {
        List<VolumeSample> window = new ArrayList<>();
        if (size > 0) {
            long from = times[index(size - 1)] - rule.window().toMillis();
            for (int i = fillStart; i < size; i++) {
                if (times[index(i)] >= from) {
                    window.add(sample(i));
                }
            }
        }
        return VolumeForecast.fit(window, capacityBytes, rule);
    }

    private VolumeSample sample(int i) {
        return new VolumeSample(Instant.ofEpochMilli(times[index(i)]), used[index(i)]);
    }

    private int index(int i) {
        return (start + i) % CAPACITY;
    }
}
