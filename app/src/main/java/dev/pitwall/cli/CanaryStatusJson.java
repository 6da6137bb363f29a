package dev.pitwall.cli;

import dev.pitwall.ops.canary.AbortReason;
import dev.pitwall.ops.canary.CanaryEngine;
import dev.pitwall.ops.canary.CanaryPhase;
import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ops.canary.GateReading;
import dev.pitwall.ops.canary.TimelineEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code pitwall canary status --json}: one document per canary. */
final class CanaryStatusJson {

    private CanaryStatusJson() {
    }

    /** The contract of {@code status --json}: these keys, always present (null when not applicable). */
    static Map<String, Object> of(CanaryEngine engine, CanaryRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("kind", r.workload().kind().name().toLowerCase(Locale.ROOT));
        workload.put("namespace", r.workload().namespace());
        workload.put("name", r.workload().name());
        m.put("workload", workload);
        m.put("canary", r.canaryName());
        m.put("phase", r.phase().name());
        m.put("step", r.step() + 1);
        m.put("steps", r.settings().steps());
        m.put("stepPercent", r.settings().steps().get(r.step()));
        m.put("canaryReplicas", r.canaryReplicas());
        m.put("mainReplicas", r.mainReplicas());
        m.put("image", r.settings().image());
        m.put("env", r.settings().env());
        m.put("envFromSecret", r.settings().envFromSecret().entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString())));
        m.put("hold", r.settings().hold().toString());
        m.put("startedAt", r.startedAt().toString());
        m.put("stepStartedAt", r.stepStartedAt().toString());
        m.put("stepEndsAt", r.phase() == CanaryPhase.RUNNING ? engine.stepEndsAt(r).toString() : null);
        m.put("pausedAt", r.pausedAt() == null ? null : r.pausedAt().toString());
        m.put("rollbackPlan", r.planId());
        m.put("driver", r.phase().isFinal() ? null : engine.driverOf(r.workload()).map(l -> {
            Map<String, Object> driver = new LinkedHashMap<>();
            driver.put("id", l.driver());
            driver.put("until", l.until().toString());
            return driver;
        }).orElse(null));
        List<Map<String, Object>> gates = new ArrayList<>();
        for (GateReading g : r.gates()) {
            Map<String, Object> gate = new LinkedHashMap<>();
            gate.put("gate", g.gate().name());
            gate.put("verdict", g.verdict().name());
            gate.put("measured", g.measured());
            gate.put("threshold", g.threshold());
            gates.add(gate);
        }
        m.put("gates", gates);
        AbortReason a = r.abortReason();
        if (a == null) {
            m.put("abortReason", null);
        } else {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("gate", a.gate());
            reason.put("measured", a.measured());
            reason.put("threshold", a.threshold());
            reason.put("at", a.at().toString());
            m.put("abortReason", reason);
        }
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (TimelineEvent e : r.timeline()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("at", e.at().toString());
            event.put("text", e.text());
            timeline.add(event);
        }
        m.put("timeline", timeline);
        return m;
    }
}
