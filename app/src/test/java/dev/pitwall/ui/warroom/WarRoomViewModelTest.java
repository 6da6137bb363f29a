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
}
