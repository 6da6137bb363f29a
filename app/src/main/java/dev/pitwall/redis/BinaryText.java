package dev.pitwall.redis;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes read from Redis as UTF-8 without trusting them: invalid sequences become U+FFFD and are reported.
 * A value cut at a byte bound may end inside a character; that cut is not counted as invalid.
 */
final class BinaryText {

    record Decoded(String text, boolean valid) {
    }

    private BinaryText() {
    }

    static Decoded decode(byte[] bytes, boolean cut) {
        int end = cut ? completePrefix(bytes) : bytes.length;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end))
                    .toString();
            return new Decoded(text, true);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, 0, end, StandardCharsets.UTF_8), false);
        }
    }

    /** The length of {@code bytes} without a multi-byte character that the cut left incomplete at the end. */
    static int completePrefix(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: keep looking for the lead byte
            }
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }
}
