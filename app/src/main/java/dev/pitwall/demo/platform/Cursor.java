package dev.pitwall.demo.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque page cursor: a position in creation order and the direction to read from it ({@code older} for the
 * next page, newer for the previous one).
 */
record Cursor(boolean older, int seq) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(((older ? "n:" : "p:") + seq).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            if (raw.length() > 2 && (raw.startsWith("n:") || raw.startsWith("p:"))) {
                int seq = Integer.parseInt(raw.substring(2));
                if (seq >= 0) {
                    return new Cursor(raw.startsWith("n:"), seq);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("cursor is not one this server issued: " + text);
    }
}
