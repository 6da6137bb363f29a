package dev.pitwall.app;

import dev.pitwall.cli.UsageException;

/** A window size from --size WxH. */
record WindowSize(int width, int height) {

    static final WindowSize DEFAULT = new WindowSize(1440, 900);

    static WindowSize parse(String text) {
        String[] parts = text.toLowerCase().split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].trim());
                int h = Integer.parseInt(parts[1].trim());
                if (w >= 320 && h >= 240 && w <= 8192 && h <= 8192) {
                    return new WindowSize(w, h);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--size needs WIDTHxHEIGHT between 320x240 and 8192x8192, got: " + text);
    }
}
