package dev.pitwall.ops.connect;

import dev.pitwall.model.ConnectionProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The environment variables a profile names for its secrets. A variable that is named but unset is an error before
 * any request: a request sent without its key fails later with a misleading answer, or not at all.
 */
public final class SecretReferences {

    private SecretReferences() {
    }

    /** The value of {@code variable}, or empty when no variable is named; throws when it is named but unset. */
    public static Optional<String> require(SecretSource secrets, String variable, String what) {
        if (variable == null || variable.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(secrets.lookup(variable).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(notSet(variable, what))));
    }

    /** "environment variable PW (Redis password) is not set", for each named variable of the profile that is unset. */
    public static List<String> unset(ConnectionProfile profile, SecretSource secrets) {
        List<String> out = new ArrayList<>();
        check(secrets, profile.hasRedis() ? profile.redisPasswordEnv() : null, "Redis password", out);
        check(secrets, profile.hasPlatform() ? profile.platformKeyEnv() : null, "platform API key", out);
        return out;
    }

    static void check(SecretSource secrets, String variable, String what, List<String> problems) {
        try {
            require(secrets, variable, what);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    public static String notSet(String variable, String what) {
        return "environment variable " + variable + " (" + what + ") is not set";
    }
}
