package dev.pitwall.demo.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * New flow runs arriving: per project a Poisson number per tick at the project's rate, each on one of its flows'
 * latest version, created at a seeded instant within the tick.
 */
final class Traffic {

    private final Catalog catalog;
    private final PlatformOptions options;
    private final Random random;
    private final Ids ids;

    Traffic(Catalog catalog, PlatformOptions options, Random random, Ids ids) {
        this.catalog = catalog;
        this.options = options;
        this.random = random;
        this.ids = ids;
    }

    /** The runs created in ({@code now - stepMillis}, {@code now}], oldest first. */
    List<FlowRun> arrivals(long now, long stepMillis) {
        List<FlowRun> runs = new ArrayList<>();
        for (Project project : catalog.projects()) {
            double perMinute = project.groupId() == null ? options.sharedRunsPerMinute()
                    : options.dedicatedRunsPerMinute();
            int count = poisson(perMinute * stepMillis / 60_000.0);
            List<Flow> flows = catalog.flowsOf(project.id());
            for (int i = 0; i < count; i++) {
                Flow flow = flows.get(random.nextInt(flows.size()));
                long created = now - stepMillis + 1 + (long) (random.nextDouble() * (stepMillis - 1));
                runs.add(new FlowRun(ids.next(), flow, flow.latestVersionId(), created));
            }
        }
        runs.sort(Comparator.comparingLong(r -> r.created)); // stable: ties keep their seeded order
        return runs;
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        int k = 0;
        double p = random.nextDouble();
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }
}
