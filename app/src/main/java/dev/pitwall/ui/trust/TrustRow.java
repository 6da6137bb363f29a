package dev.pitwall.ui.trust;

import dev.pitwall.ops.trust.GroupTrust;

import java.time.ZoneId;

/**
 * One line of the Trust table, texts made once per refresh off the FX thread.
 *
 * @param smoke the last smoke test of the group in this session, or ""
 */
public record TrustRow(GroupTrust group, String status, String title, String workload, String expected,
                       String declared, String effective, String npm, String lastChange, String drift,
                       String smoke) {

    static TrustRow of(GroupTrust g, ZoneId zone, String smoke) {
        return new TrustRow(g, TrustTexts.status(g), g.group() != null ? g.group() : "namespace " + g.namespace(),
                g.inCluster() ? g.workload().toString() : "(not in the cluster)", TrustTexts.expected(g),
                g.inCluster() ? g.declaredText() : "-",
                TrustTexts.effective(g), TrustTexts.npm(g), TrustTexts.lastChange(g, zone), TrustTexts.drift(g),
                smoke == null ? "" : smoke);
    }

    public boolean drifting() {
        return group.drifting();
    }

    public String key() {
        return group.key();
    }
}
