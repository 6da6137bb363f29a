package dev.pitwall.ops.connect;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.BackendStatus;
import dev.pitwall.model.BackendStatus.State;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class BackendHealthMonitorTest {

    private final AtomicReference<ProbeResult> answer = new AtomicReference<>();
    private final BackendProbe redisProbe = new BackendProbe() {
        @Override
        public BackendKind kind() {
            return BackendKind.REDIS;
        }

        @Override
        public ProbeResult probe(ConnectionProfile profile) {
            return answer.get();
        }
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T03:00:00Z"));
    private final ConnectionProfile profile = new ConnectionProfile("p", null, null, null, null, List.of(),
            "redis://x:1", null, null, null, false, false, null);

    @Test
    void connectedThenStaleSinceTheLastGoodAnswerThenConnectedAgain() {
        BackendHealthMonitor monitor = new BackendHealthMonitor(profile, List.of(redisProbe), clock);
        List<BackendStatus> seen = new ArrayList<>();
        monitor.addListener(seen::add);

        assertThat(monitor.status(BackendKind.REDIS).state()).isEqualTo(State.CONNECTING);
        assertThat(monitor.status(BackendKind.KUBERNETES).state()).isEqualTo(State.NOT_CONFIGURED);

        answer.set(ProbeResult.ok(BackendKind.REDIS, "PONG"));
        monitor.probeAll();
        Instant lastGood = clock.instant();
        clock.advance(java.time.Duration.ofSeconds(30));
        answer.set(ProbeResult.failed(BackendKind.REDIS, "connection refused"));
        monitor.probeAll();
        clock.advance(java.time.Duration.ofSeconds(30));
        monitor.probeAll();

        BackendStatus stale = monitor.status(BackendKind.REDIS);
        assertThat(stale.state()).isEqualTo(State.STALE);
        assertThat(stale.since()).isEqualTo(lastGood);
        assertThat(stale.reason()).isEqualTo("connection refused");

        answer.set(ProbeResult.ok(BackendKind.REDIS, "PONG"));
        monitor.probeAll();
        assertThat(monitor.status(BackendKind.REDIS).state()).isEqualTo(State.CONNECTED);
        assertThat(seen).extracting(BackendStatus::state)
                .containsExactly(State.CONNECTED, State.STALE, State.CONNECTED);
    }

    @Test
    void aFailureBeforeAnySuccessIsAnError() {
        BackendHealthMonitor monitor = new BackendHealthMonitor(profile, List.of(redisProbe), clock);
        answer.set(ProbeResult.failed(BackendKind.REDIS, "NOAUTH"));
        monitor.probeAll();
        assertThat(monitor.status(BackendKind.REDIS).state()).isEqualTo(State.ERROR);
        assertThat(monitor.status(BackendKind.REDIS).reason()).isEqualTo("NOAUTH");
    }
}
