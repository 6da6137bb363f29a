package dev.pitwall.ops.fleet;

import dev.pitwall.model.BackendStatus.State;

import java.time.Instant;

/**
 * One feed's state, with the same meaning as a back-end's status: STALE means it answered before and has failed
 * since; {@code since} is then the time of the last good answer, the age of the data shown.
 */
public record FeedStatus(FleetFeed feed, State state, Instant since, String reason) {

    public FeedStatus {
        reason = reason == null ? "" : reason;
    }

    static FeedStatus initial(FleetFeed feed, boolean configured) {
        return configured ? new FeedStatus(feed, State.CONNECTING, null, "")
                : new FeedStatus(feed, State.NOT_CONFIGURED, null, "not configured in this profile");
    }

    FeedStatus succeeded(Instant at) {
        return new FeedStatus(feed, State.CONNECTED, at, "");
    }

    FeedStatus failed(Instant at, String why) {
        return switch (state) {
            case CONNECTED, STALE -> new FeedStatus(feed, State.STALE, since, why);
            default -> new FeedStatus(feed, State.ERROR, at, why);
        };
    }

    /** The time of the last good data when the feed has dropped since, else null. */
    public Instant staleSince() {
        return state == State.STALE ? since : null;
    }

    public boolean isLive() {
        return state == State.CONNECTED;
    }
}
