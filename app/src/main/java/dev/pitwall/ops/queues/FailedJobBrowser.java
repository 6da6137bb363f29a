package dev.pitwall.ops.queues;

import dev.pitwall.model.FailedJob;
import dev.pitwall.model.FailedJobPage;

import java.util.ArrayList;
import java.util.List;

/** Pages through a queue's failed set, newest first, decoding each entry without ever failing on one. */
public final class FailedJobBrowser {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;

    private final FailedJobSource source;

    public FailedJobBrowser(FailedJobSource source) {
        this.source = source;
    }

    /** Page {@code pageIndex} (0-based); a page past the end is empty and still carries the set's size. */
    public FailedJobPage page(String queue, int pageIndex, int pageSize) {
        if (pageIndex < 0) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
        FailedSlice slice = source.failedSlice(queue, (long) pageIndex * pageSize, pageSize);
        List<FailedJob> jobs = new ArrayList<>(slice.jobs().size());
        for (RawJob raw : slice.jobs()) {
            jobs.add(FailedJobDecoder.decode(raw));
        }
        return new FailedJobPage(queue, pageIndex, pageSize, slice.total(), jobs);
    }
}
