package dev.pitwall.cli;

import dev.pitwall.ops.trust.DriftKind;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.ModeChange;
import dev.pitwall.ops.trust.ModeReading;
import dev.pitwall.ops.trust.RevisionChange;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code pitwall trust check} prints a group: as text for people, or as JSON whose keys are a contract. */
final class TrustCheckOutput {

    private TrustCheckOutput() {
    }

    /**
     * The contract of {@code trust check --json}: exactly these keys; null where unknown. Each drift is an object
     * with its kind and, for a change by revision, the revision and the mode before it.
     */
    static Map<String, Object> groupJson(GroupTrust g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", g.group());
        m.put("namespace", g.namespace());
        m.put("workload", g.workload() == null ? null : g.workload().kind().kind() + "/" + g.workload().name());
        m.put("expected", g.expected() == null ? null : g.expected().mode().name());
        m.put("declared", g.inCluster() ? modeText(g.declared()) : null);
        m.put("effective", g.effective().stream().map(TrustCheckOutput::modeText).toList());
        m.put("npmAllowed", g.npmAllowed());
        List<Map<String, Object>> drift = new ArrayList<>();
        g.drift().stream().sorted().forEach(kind -> drift.add(driftJson(kind, g.modeChange())));
        m.put("drift", drift);
        RevisionChange last = g.lastChange();
        if (last == null) {
            m.put("lastChange", null);
        } else {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("revision", last.revision());
            change.put("time", last.time() == null ? null : last.time().toString());
            change.put("changeCause", last.changeCause());
            change.put("image", last.image());
            m.put("lastChange", change);
        }
        return m;
    }

    private static Map<String, Object> driftJson(DriftKind kind, ModeChange change) {
        boolean byRevision = kind == DriftKind.CHANGED_BY_REVISION && change != null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.id());
        m.put("revision", byRevision ? change.revision() : null);
        m.put("previousMode", byRevision ? change.previousMode().name() : null);
        return m;
    }

    /** A known mode by its name alone (machine-readable); anything else as its "unknown: ..." text. */
    private static String modeText(ModeReading r) {
        return r.isKnown() ? r.mode().name() : r.text();
    }

    static void printGroup(GroupTrust g, PrintStream out) {
        out.printf("%-6s %s  %s%n", g.drifting() ? "DRIFT" : "ok", g.title(),
                g.inCluster() ? g.workload().toString() : "(not in the cluster)");
        out.printf("       expected   %s%n", g.expectedText());
        out.printf("       declared   %s%n", g.inCluster() ? g.declaredText() : "-");
        out.printf("       effective  %s%s%n", g.effectiveText(), g.pods().isEmpty() ? ""
                : " (" + g.pods().size() + " pod" + (g.pods().size() == 1 ? "" : "s") + ")");
        out.printf("       npm        %s%n", g.npmAllowed() == null ? "unknown"
                : g.npmAllowed() ? "allowed in code steps" : "STRIPPED from code steps");
        if (g.lastChange() != null) {
            var c = g.lastChange();
            out.printf("       changed    revision %d%s%s%s%n", c.revision(), c.time() == null ? "" : " at " + c.time(),
                    c.changeCause() == null ? "" : ", \"" + c.changeCause() + "\"",
                    c.image() == null ? "" : ", image " + c.image());
        }
        if (g.drifting()) {
            out.printf("       drift      %s%s%n", g.critical() ? "CRITICAL: " : "", g.driftText());
        }
    }
}
