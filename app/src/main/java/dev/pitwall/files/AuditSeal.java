package dev.pitwall.files;

import dev.pitwall.ops.audit.AuditProtection;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The hashes of the audit chain: HMAC-SHA-256 with the audit key when there is one, else plain SHA-256. Only the
 * keyed form resists someone who edits the files and recomputes the chain; the head is sealed too, so that cutting
 * the log and rewriting the head shows.
 */
final class AuditSeal {

    /** The {@code alg} of a keyed line; unkeyed lines carry none (as lines written before keys existed). */
    static final String KEYED_ALG = "hmac-sha256";

    private final byte[] key;

    private AuditSeal(byte[] key) {
        this.key = key;
    }

    static AuditSeal unkeyed() {
        return new AuditSeal(null);
    }

    static AuditSeal keyed(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("the audit key is empty");
        }
        return new AuditSeal(key.clone());
    }

    boolean keyed() {
        return key != null;
    }

    AuditProtection protection() {
        return keyed() ? AuditProtection.KEYED : AuditProtection.UNKEYED;
    }

    /** The hash of a line's content (everything but its own hash): keyed when this seal has a key. */
    String line(String content) {
        return keyed() ? hmac(content) : sha256(content);
    }

    /** The seal of the head file's hash and count; null without a key (an unkeyed head proves nothing anyway). */
    String head(String hash, long count) {
        return keyed() ? hmac("audit-head " + hash + " " + count) : null;
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private String hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA256", e);
        }
    }
}
