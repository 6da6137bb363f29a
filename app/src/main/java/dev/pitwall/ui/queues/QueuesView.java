package dev.pitwall.ui.queues;

import dev.pitwall.model.FailedJob;
import dev.pitwall.ops.queues.QueueRow;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.chart.LineChart;
import javafx.css.PseudoClass;

import java.time.ZoneId;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The Queues screen's FXML controller: the queue table (virtualised; rows update in place), the trend chart of the
 * selected queue, and its failed jobs with paging and detail. Binds only; all reading happens in the ViewModels.
 */
public final class QueuesView {

    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");
    private static final PseudoClass UNKNOWN_LAYOUT = PseudoClass.getPseudoClass("unknown-layout");
    private static final PseudoClass MALFORMED = PseudoClass.getPseudoClass("malformed");

    private final QueuesViewModel model;
    private final FailedJobsViewModel failed;
    private final ZoneId zone;

    @FXML private Label summaryLabel;
    @FXML private Label staleLabel;
    @FXML private TableView<QueueItem> queueTable;
    @FXML private Label trendTitle;
    @FXML private LineChart<Number, Number> trendChart;
    @FXML private Label failedTitle;
    @FXML private Label failedMessage;
    @FXML private TableView<FailedJob> failedTable;
    @FXML private TextArea jobDetail;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Button reloadButton;
    @FXML private Label pageLabel;

    public QueuesView(QueuesViewModel model, ZoneId zone) {
        this.model = model;
        this.failed = model.failedJobs();
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(model.summaryProperty());
        staleLabel.textProperty().bind(model.staleTextProperty());
        staleLabel.visibleProperty().bind(model.staleProperty());
        staleLabel.managedProperty().bind(model.staleProperty());
        bindQueueTable();
        new TrendChartBinder(trendChart).bind(model.trend());
        trendTitle.textProperty().bind(model.selectedQueueProperty().map(q -> "Trend of " + q + ", last 30 minutes")
                .orElse("Trend: select a queue"));
        bindFailedJobs();
    }

    @FXML
    private void onPrevious() {
        failed.previous();
    }

    @FXML
    private void onNext() {
        failed.next();
    }

    @FXML
    private void onReload() {
        failed.reload();
    }

    private void bindQueueTable() {
        queueTable.getColumns().add(width(column("Queue", QueueRow::name, s -> s, null), 150));
        queueTable.getColumns().add(width(column("State", r -> r.stats().isPaused(), QueueFormats::pausedState,
                (cell, paused) -> cell.pseudoClassStateChanged(PAUSED, Boolean.TRUE.equals(paused))), 90));
        queueTable.getColumns().add(count("Wait", r -> r.stats().waitCount()));
        queueTable.getColumns().add(count("Paused", r -> r.stats().paused()));
        queueTable.getColumns().add(count("Active", r -> r.stats().active()));
        queueTable.getColumns().add(width(count("Prioritized", r -> r.stats().prioritized()), 92));
        queueTable.getColumns().add(count("Delayed", r -> r.stats().delayed()));
        queueTable.getColumns().add(count("Failed", r -> r.stats().failed()));
        queueTable.getColumns().add(width(count("Completed", r -> r.stats().completed()), 92));
        queueTable.getColumns().add(width(count("Waiting children", r -> r.stats().waitingChildren()), 125));
        queueTable.getColumns().add(width(number(column("Oldest waiting", r -> r.stats().oldestWaitingAgeSeconds(),
                QueueFormats::age, null)), 115));
        TableColumn<QueueItem, Double> perMinute = new TableColumn<>("Jobs per minute");
        perMinute.getColumns().add(rate("added", r -> r.rates().addedPerMinute()));
        perMinute.getColumns().add(rate("completed", r -> r.rates().completedPerMinute()));
        perMinute.getColumns().add(rate("failed", r -> r.rates().failedPerMinute()));
        queueTable.getColumns().add(perMinute);
        queueTable.getColumns().add(width(column("Layout", r -> r, QueueRow::layoutText,
                (cell, row) -> cell.pseudoClassStateChanged(UNKNOWN_LAYOUT, row != null
                        && row.stats().layoutVersion() != null && !row.layout().isKnown())), 130));
        queueTable.setPlaceholder(new Label("No BullMQ queues found yet"));

        SortedList<QueueItem> sorted = new SortedList<>(model.queues());
        sorted.comparatorProperty().bind(queueTable.comparatorProperty());
        queueTable.setItems(sorted);
        queueTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.select(now.name());
            }
        });
        // the first queue is selected as soon as there is one, so its trend and failed jobs show without a click
        sorted.addListener((ListChangeListener<QueueItem>) change -> {
            if (queueTable.getSelectionModel().isEmpty() && !sorted.isEmpty()) {
                queueTable.getSelectionModel().select(0);
            }
        });
    }

    private void bindFailedJobs() {
        failedTitle.textProperty().bind(failed.titleProperty());
        failedMessage.textProperty().bind(failed.messageProperty());
        pageLabel.textProperty().bind(failed.pageTextProperty());
        previousButton.disableProperty().bind(failed.canPreviousProperty().not());
        nextButton.disableProperty().bind(failed.canNextProperty().not());
        reloadButton.disableProperty().bind(failed.loadingProperty());
        jobDetail.textProperty().bind(failed.detailProperty());

        failedTable.getColumns().add(jobColumn("Id", FailedJob::id, 90));
        failedTable.getColumns().add(jobColumn("Name", FailedJob::name, 110));
        failedTable.getColumns().add(jobColumn("Failed reason", j -> oneLine(j.failedReason()), 260));
        failedTable.getColumns().add(jobColumn("Attempts",
                j -> j.attemptsMade() == null ? QueueFormats.NONE : String.valueOf(j.attemptsMade()), 70));
        failedTable.getColumns().add(jobColumn("Finished", j -> QueueFormats.dateTime(j.finishedAt(), zone), 150));
        failedTable.getColumns().add(jobColumn("Problem", j -> j.isMalformed() ? "malformed: " + j.problem() : "",
                260));
        failedTable.setItems(failed.jobs());
        failedTable.setPlaceholder(new Label("No failed jobs on this page"));
        failedTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(FailedJob job, boolean empty) {
                super.updateItem(job, empty);
                pseudoClassStateChanged(MALFORMED, !empty && job != null && job.isMalformed());
            }
        });
        failedTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> failed.select(now));
    }

    private static TableColumn<QueueItem, Long> count(String title, Function<QueueRow, Long> value) {
        return width(number(column(title, value, QueueFormats::count, null)), 66);
    }

    private static TableColumn<QueueItem, Double> rate(String title, Function<QueueRow, Double> value) {
        return width(number(column(title, value, QueueFormats::rate, null)), 82);
    }

    private static <S, T> TableColumn<S, T> width(TableColumn<S, T> column, double width) {
        column.setPrefWidth(width);
        return column;
    }

    private static <T> TableColumn<QueueItem, T> number(TableColumn<QueueItem, T> column) {
        column.getStyleClass().add("number-column");
        return column;
    }

    /**
     * A column whose value follows the item's row. {@code decorate} may set pseudo classes on the cell from the
     * value (for the paused marker and unknown layouts).
     */
    private static <T> TableColumn<QueueItem, T> column(String title, Function<QueueRow, T> value,
                                                        Function<T, String> text,
                                                        BiConsumer<TableCell<QueueItem, T>, T> decorate) {
        TableColumn<QueueItem, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cd -> cd.getValue().rowProperty().map(value));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
                if (decorate != null) {
                    decorate.accept(this, empty ? null : item);
                }
            }
        });
        return column;
    }

    private static TableColumn<FailedJob, String> jobColumn(String title, Function<FailedJob, String> value,
                                                            double width) {
        TableColumn<FailedJob, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cd -> constant(value.apply(cd.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false); // a page is in the set's order; sorting one page of many would mislead
        return column;
    }

    private static ObservableValue<String> constant(String s) {
        return new javafx.beans.property.ReadOnlyStringWrapper(s == null ? QueueFormats.NONE : s);
    }

    private static String oneLine(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").trim();
    }
}
