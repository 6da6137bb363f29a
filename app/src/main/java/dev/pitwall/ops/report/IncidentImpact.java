package dev.pitwall.ops.report;

import java.util.List;

/**
 * What the incident did to flow runs in its window.
 *
 * @param failed       runs that failed in the window: those still failing plus those replayed since
 * @param byGroup      the failed runs per group (flow / failed step / error signature), largest first
 * @param replayed     failed runs of the window sent again by a Pitwall replay (from the replay journals)
 * @param recovered    replayed runs that then succeeded
 * @param stillFailing runs of the window the platform reports as failed now
 * @param capped       true when there were more failed runs than were read: the counts are then lower bounds
 */
public record IncidentImpact(long failed, List<GroupCount> byGroup, long replayed, long recovered, long stillFailing,
                             boolean capped) {

    public IncidentImpact {
        byGroup = List.copyOf(byGroup);
    }

    public record GroupCount(String group, long failed, long replayed, long recovered, long stillFailing) {
    }
}
