package dev.pitwall.demo.cluster;

import java.util.SplittableRandom;

/** Generated names the way Kubernetes makes them, drawn from the simulator's seeded random source. */
final class Names {

    /** Kubernetes' alphabet for generated names: no vowels (so no words) and no look-alike characters. */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final String HEX = "0123456789abcdef";

    private Names() {
    }

    /** A pod-name suffix such as "x7k2p". */
    static String suffix(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** A template hash as Kubernetes prints it: each decimal digit of the 32-bit value mapped into its alphabet. */
    static String encodeHash(long unsigned32) {
        String digits = Long.toString(unsigned32 & 0xffffffffL);
        StringBuilder out = new StringBuilder(digits.length());
        for (char digit : digits.toCharArray()) {
            out.append(ALPHABET.charAt(digit % ALPHABET.length()));
        }
        return out.toString();
    }

    static String hex(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(HEX.charAt(random.nextInt(16)));
        }
        return out.toString();
    }

    /** A version-4 style UUID from the seeded source (for volume names, which the mock does not generate). */
    static String uuid(SplittableRandom random) {
        String h = hex(random, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20);
    }
}
