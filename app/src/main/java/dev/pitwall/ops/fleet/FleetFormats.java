package dev.pitwall.ops.fleet;

import java.time.Duration;

/**
 * How fleet figures read, the same in the console and on the command line. No String.format in here: the search
 * text of 100,000 rows is made of these.
 */
public final class FleetFormats {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private FleetFormats() {
    }

    /** "512 MiB", "1.5 GiB". */
    public static String bytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " B";
        }
        return (Math.abs(value) >= 100 ? Long.toString(Math.round(value)) : oneDecimal(value)) + " " + UNITS[unit];
    }

    /** "+12.0 MiB/min". */
    public static String fillRate(double bytesPerSecond) {
        return "+" + bytes(Math.round(bytesPerSecond * 60)) + "/min";
    }

    /** "full in ~23 min", "full in ~2 h 05 min", "full now". */
    public static String fullIn(long seconds) {
        if (seconds <= 0) {
            return "full now";
        }
        return "full in ~" + approx(Duration.ofSeconds(seconds));
    }

    /** "23 min", "2 h 05 min", "4 d 3 h", under a minute "< 1 min". */
    public static String approx(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "< 1 min";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h " + twoDigits(minutes % 60) + " min";
        }
        return (minutes / (24 * 60)) + " d " + (minutes % (24 * 60)) / 60 + " h";
    }

    /** "12 s", "3 min 05 s", "2 h 10 min". */
    public static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + twoDigits(s % 60) + " s";
        }
        return s / 3600 + " h " + twoDigits((s % 3600) / 60) + " min";
    }

    /** "42%" (whole percents: the figures are rough). */
    public static String percent(double p) {
        return Math.round(p) + "%";
    }

    private static String oneDecimal(double v) {
        long tenths = Math.round(v * 10);
        return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
    }

    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
