package dev.pitwall.demo.platform;

import java.util.Random;

/** Seeded ids shaped like the platform's (21 alphanumeric characters), so the same seed gives the same ids. */
final class Ids {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int LENGTH = 21;

    private final Random random;

    Ids(Random random) {
        this.random = random;
    }

    String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }
}
