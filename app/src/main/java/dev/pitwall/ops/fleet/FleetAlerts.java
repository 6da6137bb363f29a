package dev.pitwall.ops.fleet;

import dev.pitwall.model.Alert;
import dev.pitwall.model.Alert.Severity;
import dev.pitwall.model.VolumeReading;
import dev.pitwall.model.Worker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** The fleet's alert rules, evaluated over all rows at once; the AlertCenter keeps one alert per condition. */
public final class FleetAlerts {

    public static final String VOLUME_HIGH = "volume-high";
    public static final String VOLUME_CRITICAL = "volume-critical";
    public static final String CRASH_LOOP = "crash-loop";
    public static final String HEARTBEAT_OFFLINE = "heartbeat-offline";
    public static final String VERSION_MISMATCH = "version-mismatch";
    public static final Set<String> KINDS = Set.of(VOLUME_HIGH, VOLUME_CRITICAL, CRASH_LOOP, HEARTBEAT_OFFLINE,
            VERSION_MISMATCH);

    public static final double WARNING_PERCENT = 80;
    public static final double CRITICAL_PERCENT = 95;
    public static final Duration CRITICAL_FULL_IN = Duration.ofMinutes(30);

    private FleetAlerts() {
    }

    /**
     * @param restartsRising whether a pod (by key) restarted repeatedly in the last minutes
     * @param appVersion     the version workers must run, or null when no worker reports one
     */
    public static List<Alert> evaluate(List<Worker> workers, Predicate<String> restartsRising, AppVersion appVersion,
                                       Instant now) {
        List<Alert> alerts = new ArrayList<>();
        for (Worker w : workers) {
            String subject = w.key();
            volume(w, subject, now, alerts);
            if ("CrashLoopBackOff".equals(w.waitingReason())) {
                alerts.add(new Alert(Severity.CRITICAL, CRASH_LOOP, subject, "crash-looping (CrashLoopBackOff, "
                        + w.restarts() + " restarts" + lastReason(w) + ")", now));
            } else if (restartsRising.test(subject)) {
                alerts.add(new Alert(Severity.CRITICAL, CRASH_LOOP, subject, "restarts rising: "
                        + RestartTracker.RISING + "+ in " + RestartTracker.WINDOW.toMinutes() + " min, now "
                        + w.restarts() + lastReason(w), now));
            }
            if (w.isOffline(now)) {
                alerts.add(new Alert(Severity.WARNING, HEARTBEAT_OFFLINE, subject, "no heartbeat for "
                        + w.heartbeatAge(now).toSeconds() + " s (offline after " + Worker.OFFLINE_AFTER.toSeconds()
                        + " s)", now));
            }
            if (appVersion != null && w.version() != null && !w.version().equals(appVersion.version())) {
                alerts.add(new Alert(Severity.WARNING, VERSION_MISMATCH, subject, "runs version " + w.version()
                        + ", not " + appVersion.version() + " (" + appVersion.source()
                        + "): the app gives a worker of another version no work", now));
            }
        }
        return alerts;
    }

    private static void volume(Worker w, String subject, Instant now, List<Alert> alerts) {
        VolumeReading v = w.volume();
        if (v == null || v.percent() == null) {
            return;
        }
        double percent = v.percent();
        boolean fullSoon = v.fullInSeconds() != null && v.fullInSeconds() < CRITICAL_FULL_IN.toSeconds();
        String used = String.format(Locale.ROOT, "cache volume %.0f%% full", percent);
        if (percent >= CRITICAL_PERCENT || fullSoon) {
            String why = fullSoon ? used + ", full in ~" + Math.max(1, v.fullInSeconds() / 60) + " min" : used;
            alerts.add(new Alert(Severity.CRITICAL, VOLUME_CRITICAL, subject, why, now));
        } else if (percent >= WARNING_PERCENT) {
            alerts.add(new Alert(Severity.WARNING, VOLUME_HIGH, subject, used, now));
        }
    }

    private static String lastReason(Worker w) {
        return w.lastTerminationReason() == null ? "" : ", last exit " + w.lastTerminationReason();
    }
}
