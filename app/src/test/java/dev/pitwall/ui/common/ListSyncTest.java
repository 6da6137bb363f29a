package dev.pitwall.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ListSyncTest {

    private final ObservableList<String> target = FXCollections.observableArrayList(
            IntStream.range(0, 100).mapToObj(i -> "item-" + i).toList());
    private final List<String> changes = new ArrayList<>();

    ListSyncTest() {
        target.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                changes.add(c.wasReplaced() ? "replaced" : c.wasRemoved() ? "removed " + c.getRemovedSize()
                        : "added " + c.getAddedSize());
            }
        });
    }

    @Test
    void aMoveRemovesAndAddsOnlyTheWindowBetweenTheCommonHeadAndTail() {
        List<String> next = new ArrayList<>(target);
        next.add(20, next.remove(10));
        ListSync.update(target, next);
        assertThat(target).isEqualTo(next);
        assertThat(changes).containsExactly("removed 11", "added 11");
    }

    @Test
    void anInsertionAndARemovalStaySmall() {
        List<String> next = new ArrayList<>(target);
        next.add(50, "new");
        ListSync.update(target, next);
        assertThat(changes).containsExactly("added 1");
        next.remove(3);
        ListSync.update(target, next);
        assertThat(target).isEqualTo(next);
        assertThat(changes).containsExactly("added 1", "removed 1");
    }

    @Test
    void theSameContentChangesNothingAndADifferentOrderReplacesTheWhole() {
        ListSync.update(target, new ArrayList<>(target));
        assertThat(changes).isEmpty();
        List<String> reversed = new ArrayList<>(target);
        java.util.Collections.reverse(reversed);
        ListSync.update(target, reversed);
        assertThat(target).isEqualTo(reversed);
        assertThat(changes).containsExactly("replaced");
    }
}
