package dev.pitwall.ui.warroom;

import dev.pitwall.model.Alert;
import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.model.VolumeReading;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.fleet.FleetAlerts;
import dev.pitwall.ops.fleet.FleetFormats;
import dev.pitwall.ops.fleet.FleetSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The fleet-health and cache-volume tiles from one fleet snapshot, with the Fleet screen's own alert rules. */
final class FleetTiles {

    private FleetTiles() {
    }

    static TileState health(FleetSnapshot s) {
        if (s.namespaces().isEmpty()) {
            return TileState.waiting("waiting for the cluster\u2026");
        }
        Map<String, Integer> crashLooping = crashLoopingPerWorkload(s);
        List<TileLine> lines = new ArrayList<>();
        int workloads = 0;
        int degraded = 0;
        int looping = 0;
        for (NamespaceSummary ns : s.namespaces()) {
            for (NamespaceSummary.WorkloadReadiness w : ns.workloads()) {
                workloads++;
                int crashes = crashLooping.getOrDefault(ns.name() + "/" + w.name(), 0);
                TileStatus status = crashes > 0 ? TileStatus.CRITICAL
                        : w.ready() < w.desired() ? TileStatus.WARNING : TileStatus.OK;
                degraded += w.ready() < w.desired() ? 1 : 0;
                looping += crashes > 0 ? 1 : 0;
                String label = ns.workloads().size() == 1 ? ns.name() : ns.name() + "/" + w.name();
                lines.add(TileLine.of(status, label + "  " + w.ready() + "/" + w.desired() + " ready"
                        + (crashes > 0 ? " \u00b7 " + crashes + " crash-looping" : "")));
            }
        }
        TileStatus worst = lines.stream().map(TileLine::status).reduce(TileStatus.OK, TileStatus::worst);
        String headline = looping + degraded == 0 ? "all " + workloads + " workloads ready"
                : (looping > 0 ? looping + " crash-looping" : "") + (looping > 0 && degraded > 0 ? " \u00b7 " : "")
                + (degraded > 0 ? degraded + " not fully ready" : "") + " of " + workloads;
        return new TileState(worst, headline, worstFirst(lines));
    }

    static TileState volumes(FleetSnapshot s) {
        List<TileLine> lines = new ArrayList<>();
        for (NamespaceSummary ns : s.namespaces()) {
            VolumeReading v = ns.worstVolume();
            if (v == null || v.percent() == null) {
                continue;
            }
            double percent = v.percent();
            boolean fullSoon = v.fullInSeconds() != null
                    && v.fullInSeconds() < FleetAlerts.CRITICAL_FULL_IN.toSeconds();
            TileStatus status = percent >= FleetAlerts.CRITICAL_PERCENT || fullSoon ? TileStatus.CRITICAL
                    : percent >= FleetAlerts.WARNING_PERCENT ? TileStatus.WARNING : TileStatus.OK;
            String forecast = v.fullInSeconds() != null ? FleetFormats.fullIn(v.fullInSeconds()) : "not filling";
            lines.add(new TileLine(status, ns.name() + "  " + String.format(Locale.ROOT, "%.0f%%", percent)
                    + " \u00b7 " + forecast, List.of(), percent / 100.0));
        }
        if (lines.isEmpty()) {
            return TileState.waiting(s.namespaces().isEmpty() ? "waiting for the cluster\u2026"
                    : "no volume readings yet");
        }
        List<TileLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing((TileLine l) -> -rank(l.status())).thenComparing(l -> -l.progress()));
        TileStatus worst = lines.stream().map(TileLine::status).reduce(TileStatus.OK, TileStatus::worst);
        long critical = lines.stream().filter(l -> l.status() == TileStatus.CRITICAL).count();
        return new TileState(worst, critical > 0 ? critical + " namespace" + (critical == 1 ? "" : "s")
                + " filling up fast" : "fullest cache volume per namespace", sorted);
    }

    /** Crash-looping pods per "namespace/workload", from the snapshot's crash-loop alerts. */
    private static Map<String, Integer> crashLoopingPerWorkload(FleetSnapshot s) {
        Map<String, String> workloadOf = new HashMap<>();
        for (Worker w : s.workers()) {
            if (w.workload() != null) {
                workloadOf.put(w.key(), w.namespace() + "/" + w.workload());
            }
        }
        Map<String, Integer> out = new HashMap<>();
        for (Alert a : s.alerts()) {
            if (a.kind().equals(FleetAlerts.CRASH_LOOP) && workloadOf.containsKey(a.subject())) {
                out.merge(workloadOf.get(a.subject()), 1, Integer::sum);
            }
        }
        return out;
    }

    static List<TileLine> worstFirst(List<TileLine> lines) {
        List<TileLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing((TileLine l) -> -rank(l.status())).thenComparing(TileLine::text));
        return sorted;
    }

    static int rank(TileStatus s) {
        return switch (s) {
            case CRITICAL -> 4;
            case WARNING -> 3;
            case RUNNING -> 2;
            case OK -> 1;
            case NO_DATA, IDLE -> 0;
        };
    }
}
