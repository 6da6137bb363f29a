package dev.pitwall.ops.queues;

/**
 * One field of a job hash as read from Redis.
 *
 * @param text       the bytes decoded as UTF-8, invalid sequences replaced by U+FFFD; only the first part when
 *                   {@code truncated}
 * @param byteLength the field's full length in bytes
 * @param validUtf8  false when bytes had to be replaced
 */
public record JobField(String text, long byteLength, boolean truncated, boolean validUtf8) {

    public static JobField of(String text) {
        return new JobField(text, text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, false, true);
    }
}
