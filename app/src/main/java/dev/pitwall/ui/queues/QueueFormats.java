package dev.pitwall.ui.queues;

import dev.pitwall.ops.exec.ProgressMeter;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How queue figures read on screen: counts with separators, ages in words, rates with one decimal. */
final class QueueFormats {

    static final String NONE = "\u2013";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private QueueFormats() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String age(Long seconds) {
        return seconds == null ? NONE : ProgressMeter.formatDuration(Duration.ofSeconds(seconds));
    }

    static String rate(Double perMinute) {
        return perMinute == null ? NONE : String.format(Locale.ROOT, "%.1f", perMinute);
    }

    static String clock(Instant t, ZoneId zone) {
        return CLOCK.format(t.atZone(zone));
    }

    static String dateTime(Instant t, ZoneId zone) {
        return t == null ? NONE : DATE_TIME.format(t.atZone(zone));
    }

    /** "812 B", "64.0 KiB", "10.0 MiB". */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }

    /** The paused marker: an icon and a word, never colour alone. */
    static String pausedState(boolean paused) {
        return paused ? "\u2016 paused" : "\u25B6 running";
    }
}
