package dev.pitwall.ops.audit;

/** How much the audit log's chain proves, said plainly in every report. */
public enum AuditProtection {

    /** HMAC-SHA-256 with a key the editor of the files does not have: edits, even recomputed ones, show. */
    KEYED("keyed"),
    /** Plain SHA-256: anyone who can edit the files can recompute the chain. */
    UNKEYED("unkeyed: detects accidents, not forgery");

    private final String text;

    AuditProtection(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
