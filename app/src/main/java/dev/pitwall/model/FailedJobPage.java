package dev.pitwall.model;

import java.util.List;

/**
 * One page of a queue's failed set, newest first.
 *
 * @param pageIndex 0-based
 * @param total     the size of the failed set when the page was read
 */
public record FailedJobPage(String queue, int pageIndex, int pageSize, long total, List<FailedJob> jobs) {

    public FailedJobPage {
        jobs = List.copyOf(jobs);
    }

    /** Number of pages in the set (at least 1, so that an empty set still shows "page 1 of 1"). */
    public long pageCount() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return (long) (pageIndex + 1) * pageSize < total;
    }

    public boolean hasPrevious() {
        return pageIndex > 0;
    }

    /** 1-based rank of the first job on this page (0 when the page is empty). */
    public long firstRank() {
        return jobs.isEmpty() ? 0 : (long) pageIndex * pageSize + 1;
    }
}
