package dev.pitwall.ops.fleet;

import dev.pitwall.model.Alert;
import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.model.Worker;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole fleet at one moment, immutable: built off the FX thread by the fold, shown by the views and printed by
 * the CLI. Rows that did not change between two snapshots are the same objects, and each snapshot says which rows
 * changed since the one before, so that a consumer of every snapshot can keep its own view up to date incrementally.
 *
 * @param clusterEvents how many cluster events have been folded in (a progress counter; the benchmark uses it)
 * @param changed       the workers added or changed since the previous snapshot (all of them in the first one)
 * @param removed       the keys of the workers gone since the previous snapshot
 * @param alerts        the fleet's alert conditions at the last evaluation (at most a second old); the AlertCenter
 *                      keeps them with their history
 * @param notices       problems that belong to no row: unreadable heartbeats, heartbeats of unknown workers, ...
 * @param appVersion    the version workers must run, or null when unknown
 */
public record FleetSnapshot(Instant asOf, long clusterEvents, List<Worker> workers, List<Worker> changed,
                            Set<String> removed, List<NamespaceSummary> namespaces, List<Alert> alerts,
                            Map<FleetFeed, FeedStatus> feeds, List<String> notices, AppVersion appVersion) {

    public FleetSnapshot {
        workers = List.copyOf(workers);
        changed = List.copyOf(changed);
        removed = Set.copyOf(removed);
        namespaces = List.copyOf(namespaces);
        alerts = List.copyOf(alerts);
        feeds = Map.copyOf(feeds);
        notices = List.copyOf(notices);
    }

    public FeedStatus feed(FleetFeed feed) {
        return feeds.get(feed);
    }
}
