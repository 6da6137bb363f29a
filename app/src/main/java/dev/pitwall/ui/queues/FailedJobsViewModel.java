package dev.pitwall.ui.queues;

import dev.pitwall.model.FailedJob;
import dev.pitwall.model.FailedJobPage;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.queues.FailedJobBrowser;
import dev.pitwall.ops.queues.QueueBackendException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The failed jobs of one queue, read from Redis alone, a page at a time (newest first): never the whole set. Only
 * the answer to the latest request is shown, so clicking Next quickly never shows an older page last.
 */
public final class FailedJobsViewModel {

    private record Loaded(long request, FailedJobPage page, String error) {
    }

    private final FailedJobBrowser browser;
    private final BackgroundExecutor executor;
    private final ZoneId zone;
    private final int pageSize;
    private final Consumer<Loaded> sink;
    private final AtomicLong requests = new AtomicLong();

    private final ObservableList<FailedJob> jobs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Failed jobs: select a queue");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private String queue;
    private int pageIndex;
    private FailedJobPage shown;

    public FailedJobsViewModel(FailedJobBrowser browser, BackgroundExecutor executor, FxHandoff fx, ZoneId zone,
                               int pageSize) {
        this.browser = browser;
        this.executor = executor;
        this.zone = zone;
        this.pageSize = pageSize;
        this.sink = fx.latestPerFrame(this::apply);
    }

    /** Shows the first page of {@code queue}'s failed set (FX thread). */
    public void show(String queueName) {
        queue = queueName;
        title.set("Failed jobs of " + queueName);
        jobs.clear();
        select(null);
        load(0);
    }

    public void next() {
        if (canNext.get()) {
            load(pageIndex + 1);
        }
    }

    public void previous() {
        if (canPrevious.get()) {
            load(pageIndex - 1);
        }
    }

    /** Reads the current page again (the set changes while one looks at it). */
    public void reload() {
        if (queue != null) {
            load(pageIndex);
        }
    }

    /** Shows a job's detail: data pretty-printed (cut when big), failed reason, stack trace (FX thread). */
    public void select(FailedJob job) {
        detail.set(job == null ? "" : FailedJobDetail.text(job, zone));
    }

    private void load(int index) {
        long request = requests.incrementAndGet();
        String name = queue;
        loading.set(true);
        canNext.set(false);
        canPrevious.set(false);
        message.set("reading page " + (index + 1) + "\u2026");
        executor.run(() -> {
            try {
                sink.accept(new Loaded(request, browser.page(name, index, pageSize), null));
            } catch (QueueBackendException e) {
                sink.accept(new Loaded(request, null, e.getMessage()));
            }
        });
    }

    private void apply(Loaded loaded) {
        if (loaded.request() != requests.get()) {
            return; // an answer to a request that a newer one replaced
        }
        loading.set(false);
        if (loaded.error() != null) {
            message.set(loaded.error());
            canNext.set(shown != null && shown.hasNext());
            canPrevious.set(shown != null && shown.hasPrevious());
            return;
        }
        FailedJobPage page = loaded.page();
        shown = page;
        pageIndex = page.pageIndex();
        jobs.setAll(page.jobs());
        select(null);
        canNext.set(page.hasNext());
        canPrevious.set(page.hasPrevious());
        pageText.set(pageText(page));
        long malformed = page.jobs().stream().filter(FailedJob::isMalformed).count();
        message.set(page.total() == 0 ? "no failed jobs"
                : malformed == 0 ? "" : malformed + " malformed on this page");
    }

    private static String pageText(FailedJobPage page) {
        if (page.jobs().isEmpty()) {
            return "page " + (page.pageIndex() + 1) + " of " + QueueFormats.count(page.pageCount());
        }
        long first = page.firstRank();
        long last = first + page.jobs().size() - 1;
        return "page " + QueueFormats.count(page.pageIndex() + 1L) + " of " + QueueFormats.count(page.pageCount())
                + " \u00b7 jobs " + QueueFormats.count(first) + "\u2013" + QueueFormats.count(last) + " of "
                + QueueFormats.count(page.total()) + ", newest first";
    }

    public ObservableList<FailedJob> jobs() {
        return jobs;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    /** An error, "no failed jobs", how many entries on the page are malformed, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousProperty() {
        return canPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
