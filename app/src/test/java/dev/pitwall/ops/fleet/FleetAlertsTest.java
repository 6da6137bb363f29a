package dev.pitwall.ops.fleet;

import dev.pitwall.model.Alert;
import dev.pitwall.model.Alert.Severity;
import dev.pitwall.model.VolumeReading;
import dev.pitwall.model.Worker;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FleetAlertsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T23:00:00Z");
    private static final long CAP = 2_000_000_000L;
    private static final AppVersion APP = new AppVersion("0.87.3", AppVersion.FROM_PLATFORM);

    private static Worker worker(String pod, VolumeReading volume, String waiting, Instant heartbeat,
                                 String version) {
        return new Worker("ap-shared", pod, "activepieces-worker", "shared", "node-1", "10.0.0.1", "Running", true,
                2, "Error", waiting, "img:" + version, version, 3L, null, version, heartbeat, 10.0, 20.0, 1, 5,
                volume, Map.of());
    }

    private static VolumeReading percent(double p, Long fullIn) {
        return new VolumeReading((long) (CAP * p / 100), CAP, fullIn == null ? null : 1000.0, fullIn, NOW);
    }

    private static List<Alert> evaluate(Worker... workers) {
        return FleetAlerts.evaluate(List.of(workers), key -> false, APP, NOW);
    }

    @Test
    void volumeThresholds() {
        assertThat(evaluate(worker("a", percent(79.9, null), null, NOW, "0.87.3"))).isEmpty();
        assertThat(evaluate(worker("b", percent(80, null), null, NOW, "0.87.3")))
                .extracting(Alert::severity, Alert::kind, Alert::subject)
                .containsExactly(tuple(Severity.WARNING, FleetAlerts.VOLUME_HIGH, "ap-shared/b"));
        assertThat(evaluate(worker("c", percent(95, null), null, NOW, "0.87.3")))
                .extracting(Alert::severity, Alert::kind).containsExactly(tuple(Severity.CRITICAL,
                        FleetAlerts.VOLUME_CRITICAL));
    }

    @Test
    void aForecastUnderThirtyMinutesIsCriticalEvenWhenTheVolumeIsHalfEmpty() {
        List<Alert> soon = evaluate(worker("d", percent(50, 29 * 60L), null, NOW, "0.87.3"));
        assertThat(soon).extracting(Alert::severity, Alert::kind)
                .containsExactly(tuple(Severity.CRITICAL, FleetAlerts.VOLUME_CRITICAL));
        assertThat(soon.get(0).message()).contains("full in ~29 min");
        assertThat(evaluate(worker("e", percent(50, 31 * 60L), null, NOW, "0.87.3"))).isEmpty();
    }

    @Test
    void crashLoopFromBackOffOrFromRisingRestarts() {
        assertThat(evaluate(worker("f", null, "CrashLoopBackOff", NOW, "0.87.3")))
                .extracting(Alert::severity, Alert::kind).containsExactly(tuple(Severity.CRITICAL,
                        FleetAlerts.CRASH_LOOP));
        List<Alert> rising = FleetAlerts.evaluate(List.of(worker("g", null, null, NOW, "0.87.3")),
                key -> key.equals("ap-shared/g"), APP, NOW);
        assertThat(rising).extracting(Alert::kind).containsExactly(FleetAlerts.CRASH_LOOP);
        assertThat(rising.get(0).message()).contains("restarts rising");
    }

    @Test
    void aHeartbeatOlderThanSixtySecondsIsOffline() {
        assertThat(evaluate(worker("h", null, null, NOW.minusSeconds(60), "0.87.3"))).isEmpty();
        assertThat(evaluate(worker("i", null, null, NOW.minusSeconds(61), "0.87.3")))
                .extracting(Alert::kind).containsExactly(FleetAlerts.HEARTBEAT_OFFLINE);
    }

    @Test
    void aWorkerOfAnotherVersionThanTheAppIsFlaggedWithTheSourceOfTheAppVersion() {
        List<Alert> alerts = evaluate(worker("j", null, null, NOW, "0.88.0-nextgen"));
        assertThat(alerts).extracting(Alert::kind).containsExactly(FleetAlerts.VERSION_MISMATCH);
        assertThat(alerts.get(0).message()).contains("0.88.0-nextgen").contains("0.87.3")
                .contains("the app version");
    }

    @Test
    void withoutAKnownAppVersionTheMostCommonWorkerVersionStandsIn() {
        List<Worker> fleet = List.of(worker("k", null, null, NOW, "1.0"), worker("l", null, null, NOW, "1.0"),
                worker("m", null, null, NOW, "0.9"));
        AppVersion inferred = AppVersion.resolve(null, fleet);
        assertThat(inferred).isEqualTo(new AppVersion("1.0", AppVersion.MOST_COMMON));
        List<Alert> alerts = FleetAlerts.evaluate(fleet, key -> false, inferred, NOW);
        assertThat(alerts).extracting(Alert::subject).containsExactly("ap-shared/m");
        assertThat(alerts.get(0).message()).contains("the most common worker version");
        assertThat(AppVersion.resolve("2.0", fleet).source()).isEqualTo(AppVersion.FROM_PLATFORM);
    }
}
