package dev.pitwall.ops.fleet;

import java.util.Optional;

/** A port: the version the platform's app runs; workers must report exactly this version or get no work. */
@FunctionalInterface
public interface AppVersionSource {

    Optional<String> appVersion() throws FeedException;
}
