package dev.pitwall.app;

import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.app.settings.SettingsException;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.cli.UsageException;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.LabelSelector;

import java.util.Optional;

/**
 * Turns the shared options into the profile to connect with: a saved profile (--profile) with any explicit option
 * laid over it, or a profile made of explicit options only.
 */
final class ProfileResolver {

    private final ProfileStore store;

    ProfileResolver(ProfileStore store) {
        this.store = store;
    }

    /** The profile the options describe, or empty when they describe none. */
    Optional<ConnectionProfile> resolve(ParsedArgs o) throws SettingsException {
        ConnectionProfile base;
        if (o.has(GlobalOptions.PROFILE.name())) {
            base = store.load(o.value(GlobalOptions.PROFILE.name()).orElseThrow());
        } else if (hasExplicit(o)) {
            base = ConnectionProfile.empty("command line");
        } else {
            return Optional.empty();
        }
        return Optional.of(overlay(base, o));
    }

    static boolean hasExplicit(ParsedArgs o) {
        return GlobalOptions.ALL.stream()
                .filter(s -> s != GlobalOptions.READ_ONLY && s.name().matches(
                        "--(kubeconfig|context|namespace-selector|worker-selector|redis|redis-password-env|platform-url|platform-key-env)"))
                .anyMatch(s -> o.has(s.name()));
    }

    static ConnectionProfile overlay(ConnectionProfile p, ParsedArgs o) {
        String nsSelector = checkedSelector(o, GlobalOptions.NAMESPACE_SELECTOR.name(), p.namespaceSelector());
        String workerSelector = checkedSelector(o, GlobalOptions.WORKER_SELECTOR.name(), p.workerSelector());
        return new ConnectionProfile(p.name(),
                o.value(GlobalOptions.KUBECONFIG.name()).orElse(p.kubeconfig()),
                o.value(GlobalOptions.CONTEXT.name()).orElse(p.kubeContext()),
                nsSelector, workerSelector, p.namespaces(),
                o.value(GlobalOptions.REDIS.name()).orElse(p.redisUrl()),
                o.value(GlobalOptions.REDIS_PASSWORD_ENV.name()).orElse(p.redisPasswordEnv()),
                o.value(GlobalOptions.PLATFORM_URL.name()).orElse(p.platformUrl()),
                o.value(GlobalOptions.PLATFORM_KEY_ENV.name()).orElse(p.platformKeyEnv()),
                p.readOnly() || o.has(GlobalOptions.READ_ONLY.name()),
                p.production(), p.trustPolicy(), p.queueNames(), p.auditKeyEnv());
    }

    private static String checkedSelector(ParsedArgs o, String option, String fallback) {
        Optional<String> v = o.value(option);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return LabelSelector.parse(v.get()).toString();
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
