package dev.pitwall.ui.fleet;

import dev.pitwall.model.KubeEvent;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.ZoneId;
import java.util.function.Function;

/** The columns of a table of Kubernetes Events (pod detail, namespace detail). */
final class EventTables {

    private EventTables() {
    }

    static void configure(TableView<KubeEvent> table, ZoneId zone) {
        table.getColumns().setAll(java.util.List.of(
                column("Last seen", 90, e -> e.lastSeen() == null ? "" : FleetViewModel.HMS.format(
                        e.lastSeen().atZone(zone))),
                column("Type", 90, e -> e.isWarning() ? "\u26A0 Warning" : e.type() == null ? "" : e.type()),
                column("Reason", 140, e -> e.reason() == null ? "" : e.reason()),
                column("Object", 220, e -> e.objectKind() + " " + e.objectName()),
                column("Count", 60, e -> String.valueOf(e.count())),
                column("Message", 480, e -> e.message() == null ? "" : e.message())));
        table.setPlaceholder(new javafx.scene.control.Label("No Events"));
    }

    private static TableColumn<KubeEvent, String> column(String title, double width,
                                                         Function<KubeEvent, String> text) {
        TableColumn<KubeEvent, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        return c;
    }
}
