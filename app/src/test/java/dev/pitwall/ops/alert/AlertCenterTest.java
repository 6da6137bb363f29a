package dev.pitwall.ops.alert;

import dev.pitwall.model.Alert;
import dev.pitwall.model.Alert.Severity;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AlertCenterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T22:00:00Z"));
    private final AlertCenter center = new AlertCenter(clock, 5);

    private static Alert alert(Severity s, String kind, String subject, String message) {
        return new Alert(s, kind, subject, message, null);
    }

    @Test
    void aConditionThatStaysTrueIsOneAlertRaisedOnce() {
        AtomicInteger notified = new AtomicInteger();
        center.addListener(notified::incrementAndGet);
        center.raise(alert(Severity.WARNING, "volume-high", "ns/a", "81% full"));
        clock.advance(Duration.ofSeconds(30));
        center.raise(alert(Severity.WARNING, "volume-high", "ns/a", "81% full"));

        assertThat(center.active()).hasSize(1);
        assertThat(center.active().get(0).raisedAt()).isEqualTo(Instant.parse("2026-11-27T22:00:00Z"));
        assertThat(center.history()).extracting(AlertCenter.Entry::change).containsExactly(AlertCenter.Change.RAISED);
        assertThat(notified).hasValue(1);
    }

    @Test
    void aNewMessageUpdatesTheAlertInPlaceAndKeepsItsTime() {
        center.raise(alert(Severity.WARNING, "volume-high", "ns/a", "81% full"));
        clock.advance(Duration.ofMinutes(1));
        center.raise(alert(Severity.WARNING, "volume-high", "ns/a", "84% full"));
        assertThat(center.active()).singleElement().satisfies(a -> {
            assertThat(a.message()).isEqualTo("84% full");
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-11-27T22:00:00Z"));
        });
        assertThat(center.history()).hasSize(1);
    }

    @Test
    void reconcileRaisesNewAndClearsGoneConditionsOfItsKindsOnly() {
        center.raise(alert(Severity.CRITICAL, "queue-spike", "workerJobs", "other rule set"));
        center.reconcile(Set.of("crash-loop", "volume-high"), List.of(
                alert(Severity.CRITICAL, "crash-loop", "ns/a", "loop"),
                alert(Severity.WARNING, "volume-high", "ns/b", "85%")));
        clock.advance(Duration.ofMinutes(1));
        center.reconcile(Set.of("crash-loop", "volume-high"), List.of(
                alert(Severity.WARNING, "volume-high", "ns/b", "85%")));

        assertThat(center.active()).extracting(Alert::kind).containsExactly("queue-spike", "volume-high");
        assertThat(center.history()).extracting(e -> e.change() + " " + e.alert().kind())
                .containsExactly("RAISED queue-spike", "RAISED crash-loop", "RAISED volume-high",
                        "CLEARED crash-loop");
        assertThat(center.history().get(3).at()).isEqualTo(Instant.parse("2026-11-27T22:01:00Z"));
    }

    @Test
    void activeAlertsListCriticalFirst() {
        center.raise(alert(Severity.WARNING, "volume-high", "ns/a", ""));
        center.raise(alert(Severity.CRITICAL, "crash-loop", "ns/b", ""));
        assertThat(center.active()).extracting(Alert::severity).containsExactly(Severity.CRITICAL, Severity.WARNING);
    }

    @Test
    void theHistoryIsAppendOnlyAndDropsTheOldestBeyondItsCap() {
        for (int i = 0; i < 7; i++) {
            center.raise(alert(Severity.WARNING, "k", "s" + i, ""));
        }
        assertThat(center.history()).hasSize(5);
        assertThat(center.history().get(0).alert().subject()).isEqualTo("s2");
        assertThat(center.active()).hasSize(7);
    }
}
