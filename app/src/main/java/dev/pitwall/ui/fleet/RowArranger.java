package dev.pitwall.ui.fleet;

import dev.pitwall.model.Worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filters and sorts the fleet's lines off the FX thread. It keeps the arranged list between calls and applies changes
 * to it in place (binary search, then insert or remove): 500 changed pods a second cost a few list moves, not a sort of
 * 10,000 lines per frame. Only a new filter or sort order sorts again. Not thread-safe: one serial task uses it.
 */
final class RowArranger {

    /** One sort criterion, as the table's sort order gives it. */
    record SortKey(FleetColumn column, boolean ascending) {
    }

    /**
     * The lines to show, in order; the new content of lines changed since the last call; where the selected pod is
     * (-1 when filtered out or gone).
     */
    record Arranged(List<FleetItem> items, Map<FleetItem, FleetRow> updates, int selectedIndex, FleetRow selected,
                    int total) {
    }

    static final List<SortKey> DEFAULT_ORDER = List.of(new SortKey(FleetColumn.NAMESPACE, true),
            new SortKey(FleetColumn.POD, true));

    private final Map<String, FleetItem> all = new HashMap<>();
    /** The lines that pass the filter, always sorted by {@link #order} of their latest content. */
    private final List<FleetItem> shown = new ArrayList<>();
    private boolean arranged;
    private String filter;
    private String[] tokens = new String[0];
    private List<SortKey> sort;
    private Comparator<FleetRow> rowOrder;
    private Comparator<FleetItem> order;
    /** The last list handed out; handed out again while no line came, went or moved. */
    private List<FleetItem> published = List.of();
    private boolean moved = true;

    /** Takes the workers added or changed and the keys removed since the last call. */
    Arranged arrange(Collection<Worker> changed, Collection<String> removed, String filter, List<SortKey> sort,
                     String selectedKey) {
        boolean again = !arranged || !filter.equals(this.filter) || !sort.equals(this.sort);
        if (again) {
            this.filter = filter;
            this.tokens = tokens(filter);
            this.sort = List.copyOf(sort);
            Comparator<FleetRow> rows = comparator(sort);
            this.rowOrder = rows;
            this.order = (a, b) -> rows.compare(a.latest, b.latest);
        }
        for (String key : removed) {
            FleetItem gone = all.remove(key);
            if (gone != null && !again) {
                hide(gone);
            }
        }
        Map<FleetItem, FleetRow> updates = new LinkedHashMap<>();
        for (Worker w : changed) {
            FleetItem item = all.get(w.key());
            if (item != null && item.latest.worker() == w) {
                continue;
            }
            FleetRow row = new FleetRow(w);
            if (item == null) {
                item = new FleetItem(row);
                all.put(w.key(), item);
                if (!again && row.matches(tokens)) {
                    insert(item);
                }
            } else if (again) {
                item.latest = row;
            } else {
                update(item, row);
            }
            updates.put(item, row);
        }
        if (again) {
            shown.clear();
            for (FleetItem item : all.values()) {
                if (item.latest.matches(tokens)) {
                    shown.add(item);
                }
            }
            shown.sort(order);
            arranged = true;
            moved = true;
        }
        FleetItem selected = selectedKey == null ? null : all.get(selectedKey);
        int index = selected == null ? -1 : Math.max(-1, Collections.binarySearch(shown, selected, order));
        if (moved) {
            published = List.copyOf(shown);
            moved = false;
        }
        return new Arranged(published, updates, index, selected == null ? null : selected.latest, all.size());
    }

    /** New content for a line: it stays in place when its sort position and filter match did not change. */
    private void update(FleetItem item, FleetRow row) {
        boolean wasShown = item.latest.matches(tokens);
        int at = wasShown ? Collections.binarySearch(shown, item, order) : -1;
        FleetRow before = item.latest;
        item.latest = row;
        boolean visible = row.matches(tokens);
        if (at >= 0 && visible && rowOrder.compare(before, row) == 0) {
            return;
        }
        if (at >= 0) {
            shown.remove(at);
            moved = true;
        }
        if (visible) {
            insert(item);
        }
    }

    private void insert(FleetItem item) {
        int at = Collections.binarySearch(shown, item, order);
        shown.add(at < 0 ? -at - 1 : at, item);
        moved = true;
    }

    private void hide(FleetItem item) {
        int at = Collections.binarySearch(shown, item, order);
        if (at >= 0) {
            shown.remove(at);
            moved = true;
        }
    }

    static Comparator<FleetRow> comparator(List<SortKey> sort) {
        Comparator<FleetRow> c = null;
        for (SortKey k : sort.isEmpty() ? DEFAULT_ORDER : sort) {
            Comparator<FleetRow> one = k.ascending() ? k.column().order() : k.column().order().reversed();
            c = c == null ? one : c.thenComparing(one);
        }
        // a total order (pod keys are unique): binary search finds a line, and equal lines never swap places
        return c.thenComparing(FleetRow::key);
    }

    private static String[] tokens(String filter) {
        if (filter == null || filter.isBlank()) {
            return new String[0];
        }
        return Arrays.stream(filter.toLowerCase(Locale.ROOT).trim().split("\\s+")).toArray(String[]::new);
    }
}
