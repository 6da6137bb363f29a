package dev.pitwall.ui.trust;

import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.PodTrust;
import dev.pitwall.ops.trust.RevisionChange;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How trust reads on screen: every state as an icon and words, so that nothing depends on colour alone. */
final class TrustTexts {

    static final String DRIFT = "\u2716 DRIFT";
    /** Drift that is a warning, not critical: a change by revision that strips nothing. */
    static final String CHANGED = "\u26A0 CHANGED";
    static final String OK = "\u2714 matches";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TrustTexts() {
    }

    static String status(GroupTrust g) {
        if (!g.drifting()) {
            return OK;
        }
        return g.critical() ? DRIFT : CHANGED;
    }

    /** The mode, and what the policy keyed it by when that is not the group itself. */
    static String expected(GroupTrust g) {
        if (g.expected() == null) {
            return "(not in policy)";
        }
        String mode = g.expected().mode().name();
        if (g.expected().fromHistory()) {
            return mode + " (by history)";
        }
        return g.expected().keyedBy().startsWith("namespace") ? mode + " (by namespace)" : mode;
    }

    static String npm(GroupTrust g) {
        if (g.npmAllowed() == null) {
            return "? unknown";
        }
        return g.npmAllowed() ? "\u2714 allowed" : "\u2716 stripped";
    }

    /** "SANDBOX_PROCESS \u00d72", or each mode with its count when they differ. */
    static String effective(GroupTrust g) {
        if (g.pods().isEmpty()) {
            return g.inCluster() ? "(no pods)" : "-";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PodTrust p : g.pods()) {
            counts.merge(p.effective().text(), 1, Integer::sum);
        }
        String text = counts.entrySet().stream().map(e -> e.getKey() + " \u00d7" + e.getValue())
                .collect(Collectors.joining(", "));
        return g.mixed() ? "\u26A0 mixed: " + text : text;
    }

    static String drift(GroupTrust g) {
        return g.driftText();
    }

    static String lastChange(GroupTrust g, ZoneId zone) {
        RevisionChange c = g.lastChange();
        if (c == null) {
            return g.inCluster() ? "(no revision history)" : "-";
        }
        StringBuilder text = new StringBuilder("rev ").append(c.revision());
        if (c.time() != null) {
            text.append(" \u00b7 ").append(TIME.format(c.time().atZone(zone)));
        }
        if (c.changeCause() != null) {
            text.append(" \u00b7 ").append(c.changeCause());
        }
        if (c.image() != null) {
            text.append(" \u00b7 ").append(c.image().substring(c.image().lastIndexOf('/') + 1));
        }
        return text.toString();
    }
}
