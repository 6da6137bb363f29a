package dev.pitwall.ui.common;

import javafx.collections.ObservableList;

import java.util.List;

/**
 * Brings an observable list (a table's items) to a new content with as little change as possible: the common head and
 * tail stay, the window between them is removed and re-added. Never {@code set}: a TableView rebuilds all its cells on
 * a replace, while a removal or an insertion only shifts them. The whole list is replaced when the window covers most
 * of it anyway (a new sort order, a new filter).
 */
public final class ListSync {

    private ListSync() {
    }

    public static <T> void update(ObservableList<T> target, List<? extends T> next) {
        int n = target.size();
        int m = next.size();
        int start = 0;
        while (start < n && start < m && target.get(start) == next.get(start)) {
            start++;
        }
        if (start == n && start == m) {
            return;
        }
        int endOld = n;
        int endNew = m;
        while (endOld > start && endNew > start && target.get(endOld - 1) == next.get(endNew - 1)) {
            endOld--;
            endNew--;
        }
        if (Math.max(endOld, endNew) - start > Math.max(n, m) / 2) {
            target.setAll(next);
            return;
        }
        if (endOld > start) {
            target.remove(start, endOld);
        }
        if (endNew > start) {
            target.addAll(start, next.subList(start, endNew));
        }
    }
}
