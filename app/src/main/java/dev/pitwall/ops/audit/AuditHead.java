package dev.pitwall.ops.audit;

/**
 * Where the audit log ends: the hash of its last entry and how many entries it holds. A write can leave it on the
 * object it changed, so that a log deleted or cut later no longer matches what the cluster shows.
 */
public record AuditHead(String hash, long count) {
}
