package dev.pitwall.demo.world;

/**
 * What a worker image tag does in the demo world. The tag decides, so that canary and rollback can be exercised with
 * nothing but an image change.
 */
public enum ImageBehaviour {
    /** Runs succeed; the cache grows slowly. */
    HEALTHY,
    /** The cache volume fills fast (the incident's new worker architecture, or any tag containing "bad-cache"). */
    FILLS_CACHE,
    /** About 30% of runs fail at a step (any tag containing "bad-runs"). */
    FAILS_RUNS;

    /** The incident's new worker architecture: rolled to every shared worker at once. */
    public static final String INCIDENT_TAG = "0.88.0-nextgen";
    /** The version the app runs and the healthy workers report. */
    public static final String STABLE_TAG = "0.87.3";
    public static final String IMAGE_REPOSITORY = "ghcr.io/activepieces/activepieces";

    public static ImageBehaviour of(String image) {
        String tag = image == null ? "" : image.substring(image.lastIndexOf(':') + 1);
        if (tag.equals(INCIDENT_TAG) || tag.contains("bad-cache")) {
            return FILLS_CACHE;
        }
        if (tag.contains("bad-runs")) {
            return FAILS_RUNS;
        }
        return HEALTHY;
    }
}
