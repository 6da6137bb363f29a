package dev.pitwall.ops.fleet;

import dev.pitwall.model.Worker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The version workers must run: the app's own version when the platform (or the caller) knows it; otherwise the most
 * common worker version stands in for it, which is right in a steady fleet but points the wrong way when most workers
 * were just rolled to a new version the app does not run. The source says which, and the alert text repeats it.
 */
public record AppVersion(String version, String source) {

    public static final String FROM_PLATFORM = "the app version";
    public static final String MOST_COMMON = "the most common worker version";

    public static AppVersion resolve(String known, List<Worker> workers) {
        if (known != null && !known.isBlank()) {
            return new AppVersion(known, FROM_PLATFORM);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Worker w : workers) {
            if (w.version() != null) {
                counts.merge(w.version(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new AppVersion(e.getKey(), MOST_COMMON))
                .orElse(null);
    }
}
