package dev.pitwall.ui.fleet;

import dev.pitwall.model.KubeEvent;
import dev.pitwall.ops.fleet.EnvVar;
import dev.pitwall.ops.fleet.VolumeSample;
import dev.pitwall.ui.fleet.RowArranger.SortKey;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Fleet view's FXML controller: builds the columns, binds the table, filter, header and detail pane. */
public final class FleetView {

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final int NOTICES_SHOWN = 3;

    private final FleetViewModel model;
    /** True while the rows are being replaced: selection changes then come from the table, not the user. */
    private boolean applying;

    @FXML private TextField filterField;
    @FXML private Label summaryLabel;
    @FXML private Label staleLabel;
    @FXML private Label noticesLabel;
    @FXML private TableView<FleetItem> table;
    @FXML private Label detailTitle;
    @FXML private TableView<KubeEvent> eventsTable;
    @FXML private TableView<EnvVar> envTable;
    @FXML private LineChart<Number, Number> volumeChart;
    @FXML private NumberAxis usedAxis;
    @FXML private ListView<String> unknownsList;

    public FleetView(FleetViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        filterField.textProperty().bindBidirectional(model.filterProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        staleLabel.textProperty().bind(model.staleBannerProperty());
        model.notices().addListener((ListChangeListener<String>) c -> showNotices());
        showNotices();

        for (FleetColumn c : FleetColumn.values()) {
            table.getColumns().add(column(c));
        }
        table.setPlaceholder(new Label("No worker pods match"));
        table.setSortPolicy(t -> {
            model.sortBy(sortKeys());
            return true;
        });
        // registered before the table's own listeners, and after them: see apply() in FleetViewModel
        model.items().addListener((ListChangeListener<FleetItem>) c -> applying = true);
        table.setItems(model.items());
        model.items().addListener((ListChangeListener<FleetItem>) c -> restoreSelection());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!applying) {
                model.select(item);
            }
        });
        model.staleFeedsProperty().addListener((obs, old, now) -> table.refresh());

        bindDetail();
    }

    private TableColumn<FleetItem, FleetRow> column(FleetColumn c) {
        TableColumn<FleetItem, FleetRow> col = new TableColumn<>(c.title());
        col.setId("col-" + c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        col.setUserData(c);
        col.setVisible(c.visibleByDefault());
        col.setPrefWidth(c.preferredWidth());
        col.setCellValueFactory(f -> f.getValue().rowProperty());
        col.setCellFactory(x -> new FleetCell(c, model));
        return col;
    }

    private List<SortKey> sortKeys() {
        List<SortKey> keys = new ArrayList<>();
        for (TableColumn<FleetItem, ?> col : table.getSortOrder()) {
            keys.add(new SortKey((FleetColumn) col.getUserData(), col.getSortType() == TableColumn.SortType.ASCENDING));
        }
        return keys;
    }

    private void restoreSelection() {
        int wanted = model.selectedIndexProperty().get();
        if (wanted >= 0 && table.getSelectionModel().getSelectedIndex() != wanted) {
            table.getSelectionModel().clearAndSelect(wanted);
        } else if (wanted < 0 && !table.getSelectionModel().isEmpty()) {
            table.getSelectionModel().clearSelection();
        }
        applying = false;
    }

    private void showNotices() {
        List<String> all = model.notices();
        if (all.isEmpty()) {
            noticesLabel.setText("");
            noticesLabel.setTooltip(null);
            noticesLabel.setManaged(false);
            return;
        }
        noticesLabel.setManaged(true);
        String shown = String.join("  \u00b7  ", all.subList(0, Math.min(NOTICES_SHOWN, all.size())));
        noticesLabel.setText("\u26A0 " + shown + (all.size() > NOTICES_SHOWN ? "  (+" + (all.size() - NOTICES_SHOWN)
                + " more)" : ""));
        noticesLabel.setTooltip(new Tooltip(String.join("\n", all)));
    }

    private void bindDetail() {
        WorkerDetailViewModel d = model.detail();
        detailTitle.textProperty().bind(d.titleProperty());
        EventTables.configure(eventsTable, d.zone());
        eventsTable.setItems(d.events());
        TableColumn<EnvVar, String> name = new TableColumn<>("Name");
        name.setPrefWidth(260);
        name.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().name()));
        TableColumn<EnvVar, String> value = new TableColumn<>("Value");
        value.setPrefWidth(520);
        value.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().display()));
        envTable.getColumns().setAll(List.of(name, value));
        envTable.setItems(d.env());
        envTable.setPlaceholder(new Label("No env"));
        unknownsList.setItems(d.unknowns());
        unknownsList.setPlaceholder(new Label("Everything about this worker is known"));
        d.volume().addListener((ListChangeListener<VolumeSample>) c -> drawVolume());
    }

    private void drawVolume() {
        List<VolumeSample> samples = model.detail().volume();
        XYChart.Series<Number, Number> used = new XYChart.Series<>();
        used.setName("used");
        XYChart.Series<Number, Number> capacity = new XYChart.Series<>();
        capacity.setName("capacity");
        if (!samples.isEmpty()) {
            long last = samples.get(samples.size() - 1).at().toEpochMilli();
            double cap = model.detail().capacityProperty().get() / GIB;
            for (VolumeSample s : samples) {
                double minutes = (s.at().toEpochMilli() - last) / 60_000.0;
                used.getData().add(new XYChart.Data<>(minutes, s.usedBytes() / GIB));
            }
            capacity.getData().add(new XYChart.Data<>((samples.get(0).at().toEpochMilli() - last) / 60_000.0, cap));
            capacity.getData().add(new XYChart.Data<>(0, cap));
        }
        volumeChart.getData().setAll(List.of(used, capacity));
        usedAxis.setLabel("GiB");
    }
}
