package dev.pitwall.bench;

import dev.pitwall.demo.DemoEnvironment;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.ProbeResult;
import dev.pitwall.kube.KubeProbe;
import dev.pitwall.platform.PlatformProbe;
import dev.pitwall.redis.RedisProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo environment's start: from nothing to all three endpoints answering (target under 3 s). */
@Tag("bench")
class DemoBench {

    @Test
    void startToAllEndpointsAnswering() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try (DemoEnvironment demo = DemoEnvironment.start(DemoEnvironment.Options.of(Scenario.INCIDENT, i, 60))) {
                ConnectionProfile p = demo.profile();
                var secrets = (dev.pitwall.ops.connect.SecretSource) ref -> Optional.of(demo.platformKey());
                List<ProbeResult> r = List.of(new KubeProbe().probe(p), new RedisProbe(secrets).probe(p),
                        new PlatformProbe(secrets).probe(p));
                millis.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(r).allMatch(ProbeResult::ok);
            }
        }
        BenchRunner.print("demo environment start to all endpoints answering (median of 5)",
                BenchRunner.median(millis) + " ms " + millis + " (target < 3,000 ms)");
    }
}
