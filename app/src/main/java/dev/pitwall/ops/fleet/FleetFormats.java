package dev.pitwall.ops.fleet;

import java.time.Duration;
import java.util.Locale;

/** How fleet figures read, the same in the console and on the command line. */
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
        return unit == 0 ? bytes + " B"
                : String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, UNITS[unit]);
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
            return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
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
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** "42%" (whole percents: the figures are rough). */
    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f%%", p);
    }
}
