package dev.pitwall.ops.trust;

import java.io.IOException;

/** A port: reads trust policy files (JSON or YAML) and saves snapshots. */
public interface PolicyFiles {

    /** The policy at {@code location}; missing and unusable files are outcomes, not exceptions. */
    PolicyLoad load(String location);

    /** Writes {@code text} to {@code location}, replacing what was there. */
    void save(String location, String text) throws IOException;
}
