package dev.pitwall.kube;

import dev.pitwall.ops.fleet.FleetScope;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which namespaces' objects reach the fleet. Unrestricted scopes take every namespace; otherwise the named ones plus
 * those the namespace watch has seen with the selector's label. Read from the informer threads, so thread-safe.
 */
final class NamespaceFilter {

    private final boolean restricted;
    private final Set<String> named;
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();

    NamespaceFilter(FleetScope scope) {
        this.restricted = scope.restricted();
        this.named = Set.copyOf(scope.namespaces());
        this.allowed.addAll(named);
    }

    boolean accepts(String namespace) {
        return !restricted || allowed.contains(namespace);
    }

    /** Adds a namespace seen with the selector's label; true when it is new. */
    boolean allow(String namespace) {
        return allowed.add(namespace);
    }

    /** Removes a namespace that lost the label or was deleted, unless the profile names it; true when it left. */
    boolean disallow(String namespace) {
        return !named.contains(namespace) && allowed.remove(namespace);
    }

    Set<String> allowed() {
        return Set.copyOf(allowed);
    }

    Set<String> named() {
        return named;
    }
}
