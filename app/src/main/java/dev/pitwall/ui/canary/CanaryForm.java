package dev.pitwall.ui.canary;

import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.canary.GateThresholds;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wizard's text fields, with the defaults filled in, read as canary settings; every unusable field is an
 * IllegalArgumentException that names the field, so the wizard can say what to fix.
 */
public final class CanaryForm {

    private static final GateThresholds D = GateThresholds.DEFAULTS;

    private final StringProperty image = new SimpleStringProperty("");
    private final StringProperty env = new SimpleStringProperty("");
    private final StringProperty steps = new SimpleStringProperty("1,25,50,100");
    private final StringProperty holdMinutes = new SimpleStringProperty(
            String.valueOf(CanarySettings.DEFAULT_HOLD.toMinutes()));
    private final StringProperty failureDelta = new SimpleStringProperty(number(D.maxFailureRateDelta()));
    private final StringProperty minRuns = new SimpleStringProperty(String.valueOf(D.minRuns()));
    private final StringProperty maxRestarts = new SimpleStringProperty(String.valueOf(D.maxRestarts()));
    private final StringProperty maxFill = new SimpleStringProperty(number(D.maxFillMibPerMinute()));
    private final StringProperty minTimeToFull = new SimpleStringProperty(
            String.valueOf(D.minTimeToFull().toMinutes()));
    private final StringProperty heartbeatGrace = new SimpleStringProperty(
            String.valueOf(D.heartbeatGrace().toMinutes()));
    private final StringProperty maxQueueGrowth = new SimpleStringProperty(String.valueOf(D.maxQueueGrowth()));

    /** The fields as settings. */
    CanarySettings settings() {
        if (image.get() == null || image.get().isBlank()) {
            throw new IllegalArgumentException("Image: give the new image, e.g. repository:tag");
        }
        GateThresholds thresholds = new GateThresholds(
                decimal("Failure rate above stable", failureDelta.get()),
                (int) whole("Runs before judging", minRuns.get()),
                (int) whole("Restarts per pod", maxRestarts.get()),
                decimal("Cache fill", maxFill.get()),
                Duration.ofMinutes(whole("Time to full", minTimeToFull.get())),
                Duration.ofMinutes(whole("Heartbeat grace", heartbeatGrace.get())),
                whole("Queue growth", maxQueueGrowth.get()));
        CanarySettings settings = new CanarySettings(image.get().trim(), env(env.get()), steps(steps.get()),
                Duration.ofMinutes(whole("Hold per step", holdMinutes.get())), thresholds);
        if (!settings.secretLiterals().isEmpty()) {
            String name = settings.secretLiterals().get(0);
            throw new IllegalArgumentException("Env: " + name + " looks like a secret, and its value would be stored "
                    + "in the audit log, the journal and the canary's annotations; put it in a Kubernetes Secret and "
                    + "start the canary with `pitwall canary start ... --env-from-secret " + name
                    + "=SECRET_NAME:KEY`");
        }
        return settings;
    }

    public StringProperty imageProperty() {
        return image;
    }

    public StringProperty envProperty() {
        return env;
    }

    public StringProperty stepsProperty() {
        return steps;
    }

    public StringProperty holdMinutesProperty() {
        return holdMinutes;
    }

    public StringProperty failureDeltaProperty() {
        return failureDelta;
    }

    public StringProperty minRunsProperty() {
        return minRuns;
    }

    public StringProperty maxRestartsProperty() {
        return maxRestarts;
    }

    public StringProperty maxFillProperty() {
        return maxFill;
    }

    public StringProperty minTimeToFullProperty() {
        return minTimeToFull;
    }

    public StringProperty heartbeatGraceProperty() {
        return heartbeatGrace;
    }

    public StringProperty maxQueueGrowthProperty() {
        return maxQueueGrowth;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    static Map<String, String> env(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Env: each line is NAME=VALUE");
            }
            env.put(t.substring(0, eq).trim(), t.substring(eq + 1));
        }
        return env;
    }

    private static List<Integer> steps(String text) {
        List<Integer> steps = new ArrayList<>();
        for (String s : (text == null ? "" : text).split(",")) {
            steps.add((int) whole("Steps", s));
        }
        return steps;
    }

    private static long whole(String field, String text) {
        try {
            long n = Long.parseLong(text == null ? "" : text.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": a whole number, got: " + text);
        }
    }

    private static double decimal(String field, String text) {
        try {
            return Double.parseDouble(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": a number, got: " + text);
        }
    }
}
