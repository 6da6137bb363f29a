package dev.pitwall.ui.fleet;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.function.Function;

/** The Namespaces view's FXML controller. A thousand namespaces sort fine on the FX thread (a SortedList). */
public final class NamespacesView {

    private final NamespacesViewModel model;
    private final ZoneId zone;

    @FXML private Label failedRunsNote;
    @FXML private TableView<NamespaceRow> table;
    @FXML private TableView<dev.pitwall.model.KubeEvent> eventsTable;

    public NamespacesView(NamespacesViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        failedRunsNote.textProperty().bind(model.failedRunsNoteProperty());
        failedRunsNote.managedProperty().bind(model.failedRunsNoteProperty().isNotEmpty());
        table.getColumns().add(column("Namespace", 200, NamespaceRow::name, "ns-name"));
        table.getColumns().add(column("Access", 120, NamespaceRow::access, "ns-access"));
        table.getColumns().add(column("Shared or dedicated", 170, NamespaceRow::kind, "ns-kind"));
        table.getColumns().add(column("Workloads (ready/desired)", 260, NamespaceRow::workloads, "ns-workloads"));
        table.getColumns().add(column("Worst volume", 260, NamespaceRow::worstVolume, "ns-volume"));
        table.getColumns().add(column("Execution modes", 220, NamespaceRow::modes, "ns-modes"));
        table.getColumns().add(column("Failed runs (1 h)", 200, NamespaceRow::failedRuns, "ns-failed"));
        table.getColumns().add(column("Last Event", 300, NamespaceRow::lastEvent, "ns-event"));
        TableColumn<NamespaceRow, Integer> workers = new TableColumn<>("Workers");
        workers.setId("ns-workers");
        workers.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().summary().workerCount()));
        table.getColumns().add(workers);
        SortedList<NamespaceRow> sorted = new SortedList<>(model.rows(), Comparator.comparing(NamespaceRow::name));
        table.setItems(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty().map(c -> c == null
                ? Comparator.comparing(NamespaceRow::name) : c));
        table.setPlaceholder(new Label("No namespaces yet"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.select(row));
        EventTables.configure(eventsTable, zone);
        eventsTable.setItems(model.events());
    }

    private static TableColumn<NamespaceRow, String> column(String title, double width,
                                                            Function<NamespaceRow, String> text, String id) {
        TableColumn<NamespaceRow, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        return c;
    }
}
