package dev.pitwall.ui.warroom;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.BackendStatus;
import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.model.VolumeReading;
import dev.pitwall.ops.fleet.FleetSnapshot;
import dev.pitwall.testing.MutableClock;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The board's tiles from snapshots, and a dropped back-end marking only its own tiles stale. */
class WarRoomViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-27T22:20:00Z");

    private final WarRoomViewModel model = new WarRoomViewModel(FXCollections.observableArrayList(),
            Map.of(TileId.QUEUES, "no Redis in this profile"), ZoneOffset.UTC, new MutableClock(NOW));

    private static FleetSnapshot fleet(int ready, long fullInSeconds) {
        NamespaceSummary ns = new NamespaceSummary("ap-shared", NamespaceSummary.Access.LIVE, null, Set.of("shared"),
                List.of(new NamespaceSummary.WorkloadReadiness("StatefulSet", "activepieces-worker", ready, 8)),
                new VolumeReading(9_000, 10_000, 2.0, fullInSeconds, NOW), "activepieces-worker-3", Set.of(), null,
                null, List.of(), 8);
        return new FleetSnapshot(NOW, 1, List.of(), List.of(), Set.of(), List.of(ns), List.of(), Map.of(), List.of(),
                null);
    }

    @Test
    void fleetAndVolumeTilesSayWhatIsWrongInWords() {
        model.showFleet(fleet(5, 600));
        TileState health = model.tile(TileId.FLEET).stateProperty().get();
        assertThat(health.status()).isEqualTo(TileStatus.WARNING);
        assertThat(health.lines()).singleElement().extracting(TileLine::text).isEqualTo("ap-shared  5/8 ready");
        TileState volumes = model.tile(TileId.VOLUMES).stateProperty().get();
        assertThat(volumes.status()).isEqualTo(TileStatus.CRITICAL);
        assertThat(volumes.lines().get(0).text()).isEqualTo("ap-shared  90% \u00b7 full in ~10 min");
        assertThat(model.overallProperty().get()).isEqualTo("\u2716 1 CRITICAL  \u00b7  \u26A0 1 WARNING");
        assertThat(model.tile(TileId.QUEUES).stateProperty().get().headline()).isEqualTo("no Redis in this profile");
    }

    @Test
    void aDroppedBackendMarksOnlyItsTilesStaleAndTheyKeepTheirData() {
        model.showFleet(fleet(8, 600));
        model.backend(new BackendStatus(BackendKind.KUBERNETES, BackendStatus.State.STALE,
                Instant.parse("2026-11-27T22:12:30Z"), "connection refused"));
        assertThat(model.tile(TileId.FLEET).staleProperty().get())
                .isEqualTo("\u26A0 STALE since 22:12: connection refused");
        assertThat(model.tile(TileId.VOLUMES).staleProperty().get()).startsWith("\u26A0 STALE since 22:12");
        assertThat(model.tile(TileId.FAILURES).staleProperty().get()).isEmpty();
        assertThat(model.tile(TileId.FLEET).stateProperty().get().lines()).hasSize(1);
        assertThat(model.tile(TileId.TRUST).staleProperty().get()).startsWith("\u26A0 STALE since 22:12");
        assertThat(model.overallProperty().get()).contains("3 STALE");

        model.backend(BackendStatus.connected(BackendKind.KUBERNETES, NOW));
        assertThat(model.tile(TileId.FLEET).staleProperty().get()).isEmpty();
    }

    private static dev.pitwall.ops.canary.CanaryRecord canary(dev.pitwall.ops.canary.CanaryPhase phase, int step,
                                                             dev.pitwall.ops.canary.AbortReason reason) {
        var settings = new dev.pitwall.ops.canary.CanarySettings("ghcr.io/activepieces/activepieces:0.88.1",
                Map.of(), dev.pitwall.ops.canary.CanarySettings.DEFAULT_STEPS, java.time.Duration.ofMinutes(10),
                dev.pitwall.ops.canary.GateThresholds.DEFAULTS);
        return new dev.pitwall.ops.canary.CanaryRecord(new dev.pitwall.ops.rollback.WorkloadRef(
                dev.pitwall.ops.rollback.WorkloadRef.Kind.STATEFULSET, "ap-shared", "activepieces-worker"),
                "activepieces-worker-canary", settings, phase, step, 8, NOW.minusSeconds(900), NOW.minusSeconds(60),
                null, 3, "plan-1", 0, reason, List.of(), List.of(), null, null);
    }

    @Test
    void canariesHeldInTheClusterShowWithTheOperationsAndAnAbortStaysForAnHour() {
        model.showCanaries(List.of(canary(dev.pitwall.ops.canary.CanaryPhase.RUNNING, 1, null)));
        TileState running = model.tile(TileId.OPERATIONS).stateProperty().get();
        assertThat(running.status()).isEqualTo(TileStatus.RUNNING);
        assertThat(running.lines()).singleElement().satisfies(line -> {
            assertThat(line.text()).startsWith("Canary activepieces-worker \u2192 ghcr.io/activepieces/activepieces:0.88.1")
                    .contains("step 2 of 4 (25%, 2 of 8 pods)");
            assertThat(line.progress()).isEqualTo(0.5);
        });

        model.showCanaries(List.of(canary(dev.pitwall.ops.canary.CanaryPhase.ABORTED, 0,
                new dev.pitwall.ops.canary.AbortReason("VOLUME_FILL", "fills 1.9 GiB/h, full in 41 min",
                        "full in at least 2h", NOW.minusSeconds(300)))));
        TileState aborted = model.tile(TileId.OPERATIONS).stateProperty().get();
        assertThat(aborted.status()).isEqualTo(TileStatus.CRITICAL);
        assertThat(aborted.lines()).singleElement().extracting(TileLine::text).asString()
                .contains("ABORTED by VOLUME_FILL: fills 1.9 GiB/h, full in 41 min (threshold full in at least 2h)");

        model.showCanaries(List.of(canary(dev.pitwall.ops.canary.CanaryPhase.ABORTED, 0,
                new dev.pitwall.ops.canary.AbortReason("VOLUME_FILL", "x", "y", NOW.minusSeconds(7200))),
                canary(dev.pitwall.ops.canary.CanaryPhase.PROMOTED, 3, null)));
        assertThat(model.tile(TileId.OPERATIONS).stateProperty().get().status()).isEqualTo(TileStatus.IDLE);
    }
}
