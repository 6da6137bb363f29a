package dev.pitwall.ops.fleet;

import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.model.Worker;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole fleet at one moment, immutable: built off the FX thread by the fold, shown by the views and printed by
 * the CLI. Rows that did not change between two snapshots are the same objects, so a consumer can tell changed rows
 * by identity.
 *
 * @param clusterEvents how many cluster events have been folded in (a progress counter; the benchmark uses it)
 * @param notices       problems that belong to no row: unreadable heartbeats, heartbeats of unknown workers, ...
 * @param appVersion    the version workers must run, or null when unknown
 */
public record FleetSnapshot(Instant asOf, long clusterEvents, List<Worker> workers,
                            List<NamespaceSummary> namespaces, Map<FleetFeed, FeedStatus> feeds,
                            List<String> notices, AppVersion appVersion) {

    public FleetSnapshot {
        workers = List.copyOf(workers);
        namespaces = List.copyOf(namespaces);
        feeds = Map.copyOf(feeds);
        notices = List.copyOf(notices);
    }

    public FeedStatus feed(FleetFeed feed) {
        return feeds.get(feed);
    }
}
