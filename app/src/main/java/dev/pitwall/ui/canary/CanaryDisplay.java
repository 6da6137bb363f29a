package dev.pitwall.ui.canary;

import dev.pitwall.ops.canary.CanaryPhase;
import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ops.canary.Preflight;
import dev.pitwall.ops.rollback.WorkloadRef;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The canary as the wizard shows it: headline, step, abort reason, gates, timeline, phase, and the preflight. */
public final class CanaryDisplay {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;
    private final ReadOnlyStringWrapper preflight = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper preflightFailed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(
            "Choose a workload to start a canary, or to follow the one it has.");
    private final ReadOnlyStringWrapper stepDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper abortReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CanaryPhase> phase = new ReadOnlyObjectWrapper<>();
    private final ObservableList<GateRow> gates = FXCollections.observableArrayList();
    private final ObservableList<String> timeline = FXCollections.observableArrayList();

    CanaryDisplay(ZoneId zone) {
        this.zone = zone;
    }

    /** Nothing shown yet for {@code workload} (null: none chosen). */
    void clear(WorkloadRef workload) {
        gates.clear();
        timeline.clear();
        abortReason.set("");
        preflight.set("");
        preflightFailed.set(false);
        phase.set(null);
        headline.set(workload == null ? "Choose a workload." : "No canary for " + workload + ".");
        stepDetail.set("");
    }

    void checking() {
        preflight.set("checking\u2026");
    }

    void show(Preflight p) {
        StringBuilder text = new StringBuilder(p.ok() ? "Preflight passed.\n" : "Preflight failed: nothing was "
                + "changed.\n");
        for (Preflight.Check check : p.checks()) {
            text.append(check.ok() ? "\u2714 " : "\u2716 ").append(check.name()).append(": ").append(check.detail())
                    .append('\n');
        }
        preflight.set(text.toString().trim());
        preflightFailed.set(!p.ok());
    }

    /** @param stepEndsAt when the current step's hold is over */
    void show(CanaryRecord r, Instant stepEndsAt) {
        headline.set(r.phase() + " \u2014 " + r.stepText() + " \u2014 " + r.settings().image());
        stepDetail.set(switch (r.phase()) {
            case RUNNING -> "this step is held until " + TIME.format(stepEndsAt.atZone(zone))
                    + " and every gate has judged";
            case PAUSED -> "paused at " + TIME.format(r.pausedAt().atZone(zone)) + ": gates are still evaluated, "
                    + "the step does not advance";
            case PROMOTING -> "promoting: " + r.workload().name() + " rolls out the new template; the canary is "
                    + "removed after that";
            case PROMOTED -> "promoted: " + r.workload().name() + " runs " + r.settings().image();
            case ABORTED -> "aborted: the canary was removed and " + r.workload().name() + " has its pods back";
        });
        abortReason.set(r.abortReason() == null ? "" : "\u2716 ABORTED \u2014 " + r.abortReason().text());
        gates.setAll(r.gates().stream().map(GateRow::of).toList());
        timeline.setAll(r.timeline().stream().map(e -> TIME.format(e.at().atZone(zone)) + "  " + e.text())
                .toList());
        phase.set(r.phase()); // last: whoever listens to the phase finds the rest already shown
    }

    public ReadOnlyStringProperty preflightProperty() {
        return preflight.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty preflightFailedProperty() {
        return preflightFailed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepDetailProperty() {
        return stepDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty abortReasonProperty() {
        return abortReason.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CanaryPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ObservableList<GateRow> gates() {
        return gates;
    }

    public ObservableList<String> timeline() {
        return timeline;
    }
}
