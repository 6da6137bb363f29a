package dev.pitwall.ui.warroom;

import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.TrustReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The trust tile: drifting groups (critical, or a warning for a change by revision that strips nothing), recent
 * execution-mode changes (warning), and how many match. Drift reads as on the Trust screen: one engine result.
 */
final class TrustTile {

    /** A mode change younger than this is on the board even without drift: someone changed what code may do. */
    static final Duration RECENT_CHANGE = Duration.ofHours(1);

    private TrustTile() {
    }

    static TileState of(TrustReport report, Instant now) {
        List<TileLine> lines = new ArrayList<>();
        int matching = 0;
        for (GroupTrust g : report.groups()) {
            String who = g.group() != null && !g.group().equals("shared") ? g.group() : g.namespace();
            if (g.drifting()) {
                lines.add(TileLine.of(g.critical() ? TileStatus.CRITICAL : TileStatus.WARNING,
                        who + ": " + g.driftText()));
            } else {
                matching++;
            }
            if (g.lastChange() != null && g.lastChange().time() != null
                    && Duration.between(g.lastChange().time(), now).compareTo(RECENT_CHANGE) < 0) {
                long minutes = Math.max(0, Duration.between(g.lastChange().time(), now).toMinutes());
                lines.add(TileLine.of(TileStatus.WARNING, who + ": now " + g.declared().text() + ", changed "
                        + minutes + " min ago"));
            }
        }
        if (report.groups().isEmpty()) {
            return TileState.waiting("no worker groups found");
        }
        long drifting = report.groups().stream().filter(GroupTrust::drifting).count();
        lines.add(TileLine.of(TileStatus.OK, matching + " of " + report.groups().size() + " groups match"));
        TileStatus worst = lines.stream().map(TileLine::status).reduce(TileStatus.OK, TileStatus::worst);
        return new TileState(worst, drifting > 0 ? drifting + " group" + (drifting == 1 ? "" : "s") + " drifting"
                : "expected = declared = effective", FleetTiles.worstFirst(lines));
    }
}
