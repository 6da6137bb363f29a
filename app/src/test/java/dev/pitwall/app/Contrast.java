package dev.pitwall.app;

import javafx.scene.paint.Color;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** WCAG 2 contrast from colours and from the CSS palette and token files (a test helper). */
final class Contrast {

    private static final Pattern DECLARATION = Pattern.compile("(-[a-z-]+):\\s*([^;]+);");

    private Contrast() {
    }

    /** (L1 + 0.05) / (L2 + 0.05), the lighter colour on top. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** The {@code -pal-*} colours of a palette file. */
    static Map<String, Color> palette(String css) {
        Map<String, Color> out = new LinkedHashMap<>();
        Matcher m = DECLARATION.matcher(css);
        while (m.find()) {
            if (m.group(1).startsWith("-pal-")) {
                out.put(m.group(1), Color.web(m.group(2).trim()));
            }
        }
        return out;
    }

    /** The {@code -color-*} tokens of tokens.css and the palette name each one takes. */
    static Map<String, String> tokens(String css) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = DECLARATION.matcher(css);
        while (m.find()) {
            if (m.group(1).startsWith("-color-") && m.group(2).trim().startsWith("-pal-")) {
                out.putIfAbsent(m.group(1), m.group(2).trim());
            }
        }
        return out;
    }
}
