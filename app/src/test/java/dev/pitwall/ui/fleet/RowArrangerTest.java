package dev.pitwall.ui.fleet;

import dev.pitwall.model.Worker;
import dev.pitwall.ops.fleet.FleetFormats;
import dev.pitwall.ui.fleet.RowArranger.SortKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The incremental arrangement always equals a fresh sort and filter of the same workers. */
class RowArrangerTest {

    private static Worker worker(String ns, String pod, int restarts, String phase) {
        return new Worker(ns, pod, "activepieces-worker", "shared", "node-" + (restarts % 3), "10.0.0.1", phase,
                true, restarts, null, null, "img:1", "1", 1L, null, "1", null, null, null, null, null, null,
                Map.of());
    }

    private static List<String> keys(RowArranger.Arranged a) {
        return a.items().stream().map(FleetItem::key).toList();
    }

    @Test
    void changesAppliedInPlaceGiveTheSameOrderAsAFreshSort() {
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Worker> fleet = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            Worker w = worker("ns-" + random.nextInt(20), "pod-" + i, random.nextInt(10), "Running");
            fleet.put(w.key(), w);
        }
        List<SortKey> byRestarts = List.of(new SortKey(FleetColumn.RESTARTS, false));
        for (String filter : List.of("", "ns-1", "node-2 running")) {
            RowArranger incremental = new RowArranger();
            incremental.arrange(fleet.values(), Set.of(), filter, byRestarts, null);
            for (int round = 0; round < 50; round++) {
                List<Worker> changed = new ArrayList<>();
                Set<String> removed = new java.util.HashSet<>();
                for (int k = 0; k < 10; k++) {
                    String pod = "pod-" + random.nextInt(320);
                    Worker before = fleet.values().stream().filter(w -> w.pod().equals(pod)).findFirst().orElse(null);
                    if (before != null && random.nextInt(10) == 0) {
                        fleet.remove(before.key());
                        removed.add(before.key());
                        changed.removeIf(w -> w.key().equals(before.key()));
                        continue;
                    }
                    Worker next = worker(before == null ? "ns-" + random.nextInt(20) : before.namespace(), pod,
                            random.nextInt(10), random.nextInt(4) == 0 ? "Pending" : "Running");
                    fleet.put(next.key(), next);
                    removed.remove(next.key());
                    changed.removeIf(w -> w.key().equals(next.key()));
                    changed.add(next);
                }
                RowArranger.Arranged a = incremental.arrange(changed, removed, filter, byRestarts, null);
                RowArranger.Arranged fresh = new RowArranger().arrange(fleet.values(), Set.of(), filter, byRestarts,
                        null);
                assertThat(keys(a)).as("round " + round + ", filter '" + filter + "'").isEqualTo(keys(fresh));
                assertThat(a.total()).isEqualTo(fleet.size());
            }
        }
    }

    @Test
    void anUnchangedOrderIsHandedOutAgainAndChangedContentIsReported() {
        RowArranger arranger = new RowArranger();
        Worker a = worker("ns", "a", 1, "Running");
        Worker b = worker("ns", "b", 2, "Running");
        RowArranger.Arranged first = arranger.arrange(List.of(a, b), Set.of(), "", List.of(), "ns/b");
        assertThat(first.selectedIndex()).isEqualTo(1);
        Worker b2 = worker("ns", "b", 3, "Running");
        RowArranger.Arranged second = arranger.arrange(List.of(b2), Set.of(), "", List.of(), "ns/b");
        assertThat(second.items()).as("same lines in the same order").isSameAs(first.items());
        assertThat(second.updates()).hasSize(1);
        assertThat(second.updates().values().iterator().next().worker()).isSameAs(b2);
        assertThat(second.selected().worker()).isSameAs(b2);
    }

    @Test
    void theFilterSeesFormattedValuesAndUnknownReasons() {
        Worker odd = new Worker("ns", "x", null, "shared", null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, Map.of(Worker.PHASE, "unrecognised phase 'Boom'"));
        RowArranger arranger = new RowArranger();
        assertThat(keys(arranger.arrange(List.of(odd), Set.of(), "boom", List.of(), null))).containsExactly("ns/x");
        assertThat(keys(arranger.arrange(List.of(), Set.of(), "unknown", List.of(), null))).containsExactly("ns/x");
        assertThat(keys(arranger.arrange(List.of(), Set.of(), FleetFormats.percent(50), List.of(), null))).isEmpty();
    }
}
