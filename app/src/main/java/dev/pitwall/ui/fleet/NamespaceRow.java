package dev.pitwall.ui.fleet;

import dev.pitwall.model.KubeEvent;
import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.model.NamespaceSummary.WorkloadReadiness;
import dev.pitwall.model.VolumeReading;
import dev.pitwall.ops.fleet.FleetFormats;

import java.time.ZoneId;
import java.util.stream.Collectors;

/** One namespace with the texts of its cells. */
public record NamespaceRow(NamespaceSummary summary, String access, String kind, String workloads,
                           String worstVolume, String modes, String failedRuns, String lastEvent) {

    static NamespaceRow of(NamespaceSummary s, ZoneId zone) {
        String access = s.access() == NamespaceSummary.Access.FORBIDDEN ? "\u2716 forbidden: " + s.accessReason()
                : "\u2714 live";
        String kind = s.groups().isEmpty() ? (s.workerCount() == 0 ? "no workers" : FleetRow.UNKNOWN)
                : s.isDedicated() ? "dedicated: " + s.groups().stream().filter(g -> !g.equals(NamespaceSummary.SHARED))
                .collect(Collectors.joining(", ")) + (s.groups().contains(NamespaceSummary.SHARED) ? " + shared" : "")
                : "shared";
        String workloads = s.workloads().stream().map(NamespaceRow::readiness).collect(Collectors.joining(", "));
        VolumeReading v = s.worstVolume();
        String worst = v == null || v.percent() == null ? "" : FleetFormats.percent(v.percent()) + " "
                + s.worstVolumePod() + (v.fullInSeconds() == null ? "" : " \u00b7 "
                + FleetFormats.fullIn(v.fullInSeconds()));
        String failed = s.failedRunsLastHour() != null ? String.valueOf(s.failedRunsLastHour())
                : "unknown: " + s.failedRunsUnknown();
        KubeEvent last = s.recentEvents().isEmpty() ? null : s.recentEvents().get(0);
        String lastEvent = last == null ? "" : (last.isWarning() ? "\u26A0 " : "") + last.reason() + " "
                + last.objectName() + (last.lastSeen() == null ? ""
                : " " + FleetViewModel.HMS.format(last.lastSeen().atZone(zone)));
        return new NamespaceRow(s, access, kind, workloads, worst, String.join(", ", s.executionModes()), failed,
                lastEvent);
    }

    public String name() {
        return summary.name();
    }

    private static String readiness(WorkloadReadiness w) {
        return w.name() + " " + w.ready() + "/" + w.desired() + (w.ready() < w.desired() ? " \u26A0" : "");
    }
}
