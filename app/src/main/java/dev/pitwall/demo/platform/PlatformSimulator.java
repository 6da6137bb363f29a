package dev.pitwall.demo.platform;

import dev.pitwall.demo.bullmq.BullMqBatch;
import dev.pitwall.demo.bullmq.BullQueue;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimWorker;
import dev.pitwall.demo.world.Simulated;
import dev.pitwall.demo.world.WorkerRoster;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The simulated Activepieces platform: projects and flows, flow runs arriving at seeded rates, simulated workers (the
 * cluster's {@link WorkerRoster}) moving their BullMQ jobs through wait, active, completed and failed in Redis and
 * writing heartbeats, and the platform HTTP API over all of it. The same seed and the same ticks with the same roster
 * give the same run ids, outcomes and timestamps. Ticks, retries and reads are serialised on this object.
 */
public final class PlatformSimulator implements Simulated, AutoCloseable {

    /** Extra waiting ids read per queue beyond the free slots, to step over jobs this platform does not know. */
    private static final int PEEK_MARGIN = 32;

    private final RedisClient redis;
    private final boolean ownsRedis;
    private final WorkerRoster roster;
    private final SimClock clock;
    private final String apiKey;
    private final PlatformOptions options;
    private final Catalog catalog;
    private final RunStore store = new RunStore();
    private final QueueMeta meta = new QueueMeta();
    private final Traffic traffic;
    private final RunExecutor executor;
    private final Heartbeats heartbeats;
    private final Retries retries;
    private final History history;
    private final Ids webhookIds;
    /** The instant of the last tick: webhook runs are created there, never before a run already stored. */
    private long lastTick;
    private PlatformApi api;

    /** A simulator on its own Redis connection to {@code redisUrl} (closed with it), default options. */
    public PlatformSimulator(String redisUrl, WorkerRoster roster, SimClock clock, long seed, String apiKey) {
        this(redisUrl, roster, clock, seed, apiKey, PlatformOptions.defaults());
    }

    public PlatformSimulator(String redisUrl, WorkerRoster roster, SimClock clock, long seed, String apiKey,
                             PlatformOptions options) {
        this(RedisClients.open(RedisEndpoint.parse(redisUrl), null), true, roster, clock, seed, apiKey, options);
    }

    /** A simulator on the caller's Redis client (RESP2, see {@link RedisClients}), which stays open after close. */
    public PlatformSimulator(RedisClient redis, WorkerRoster roster, SimClock clock, long seed, String apiKey,
                             PlatformOptions options) {
        this(redis, false, roster, clock, seed, apiKey, options);
    }

    private PlatformSimulator(RedisClient redis, boolean ownsRedis, WorkerRoster roster, SimClock clock, long seed,
                              String apiKey, PlatformOptions options) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the platform simulator needs an API key");
        }
        this.redis = redis;
        this.ownsRedis = ownsRedis;
        this.roster = roster;
        this.clock = clock;
        this.apiKey = apiKey;
        this.options = options;
        Random catalogRandom = new Random(seed);
        this.catalog = Catalog.generate(catalogRandom, new Ids(catalogRandom));
        Random trafficRandom = new Random(seed + 1);
        this.traffic = new Traffic(catalog, options, trafficRandom, new Ids(trafficRandom));
        this.executor = new RunExecutor(store, new Outcomes(new Random(seed + 2)));
        this.retries = new Retries(store, new Ids(new Random(seed + 3)), clock, options.retention(), meta);
        Random historyRandom = new Random(seed + 4);
        this.history = new History(catalog, store, new Ids(historyRandom), historyRandom, meta);
        this.heartbeats = new Heartbeats(options.wallClock(), options.heartbeatInterval());
        this.webhookIds = new Ids(new Random(seed + 5));
        this.lastTick = clock.now().toEpochMilli();
    }

    /** Serves the HTTP API on a free loopback port. */
    public synchronized void start() {
        if (api == null) {
            api = PlatformApi.start(this, apiKey);
        }
    }

    /** The API's base URL, e.g. http://127.0.0.1:41234 (after {@link #start}). */
    public synchronized URI url() {
        if (api == null) {
            throw new IllegalStateException("the platform simulator is not started");
        }
        return api.url();
    }

    public int port() {
        return url().getPort();
    }

    public String apiKey() {
        return apiKey;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Seeds past runs before the first tick (the backlog lists and the console start with). */
    public synchronized void seedHistory(HistorySeed seed) {
        try (BullMqBatch batch = BullMqBatch.open(redis)) {
            history.seed(seed, clock.now().toEpochMilli(), roster.workers(), batch);
        }
    }

    @Override
    public synchronized void tick(Instant now, Duration step) {
        long t = now.toEpochMilli();
        lastTick = t;
        List<SimWorker> workers = List.copyOf(roster.workers());
        Map<String, SimWorker> byId = new LinkedHashMap<>();
        workers.forEach(w -> byId.put(w.workerId(), w));
        try (BullMqBatch batch = BullMqBatch.open(redis)) {
            executor.finishDue(batch, byId, t);
            Map<BullQueue, Response<List<String>>> waiting = new LinkedHashMap<>();
            for (BullQueue queue : catalog.queues()) {
                int slots = executor.freeSlots(queue, workers);
                if (slots > 0) {
                    waiting.put(queue, batch.oldestWaiting(queue, slots + PEEK_MARGIN));
                }
            }
            batch.sync();
            waiting.forEach((queue, ids) -> executor.dispatch(batch, queue, ids.get(), workers, t));
            for (FlowRun run : traffic.arrivals(t, step.toMillis())) {
                store.add(run);
                meta.ensure(batch, run.project().queue());
                batch.add(run.project().queue(), FlowJobs.begin(run, run.created));
            }
            heartbeats.write(batch, workers, executor::busy);
            batch.sync();
        }
    }

    /**
     * A webhook call: a new run of the flow's latest version, queued on its project's queue. Its own id sequence, so
     * that triggering a flow does not change the seeded traffic's ids.
     */
    synchronized FlowRunSnapshot trigger(String flowId) {
        Flow flow = catalog.flow(flowId).orElseThrow(() -> new ApiException(404, "flow " + flowId + " not found"));
        FlowRun run = new FlowRun(webhookIds.next(), flow, flow.latestVersionId(),
                Math.max(lastTick, store.lastCreated()));
        store.add(run);
        try (BullMqBatch batch = BullMqBatch.open(redis)) {
            meta.ensure(batch, flow.project().queue());
            batch.add(flow.project().queue(), FlowJobs.begin(run, run.created));
            batch.sync();
        }
        return run.snapshot();
    }

    public synchronized Optional<FlowRunSnapshot> run(String id) {
        FlowRun run = store.get(id);
        return run == null ? Optional.empty() : Optional.of(run.snapshot());
    }

    /** Every run, oldest first. */
    public synchronized List<FlowRunSnapshot> runs() {
        return store.select(RunQuery.all()).stream().map(FlowRun::snapshot).toList();
    }

    /** How many retry requests named this run (refused ones included). */
    public synchronized int retryCount(String runId) {
        FlowRun run = store.get(runId);
        return run == null ? 0 : run.retryRequests;
    }

    synchronized RunPage page(RunQuery query, Cursor cursor, int limit) {
        return store.page(query, cursor, limit);
    }

    synchronized Map<RunStatus, Integer> countByStatus(RunQuery query) {
        return store.countByStatus(query);
    }

    synchronized RetryOutcome retry(String runId, String projectId, RetryStrategy strategy) {
        try (BullMqBatch batch = BullMqBatch.open(redis)) {
            RetryOutcome outcome = retries.retry(batch, runId, projectId, strategy);
            batch.sync();
            return outcome;
        }
    }

    /**
     * Bulk retry in one project: the named runs (filtered by the explicit filters, unknown ones reported), or every
     * run matching the filters, failed states by default. One Redis round trip for all of them.
     */
    synchronized List<RetryOutcome> retryBulk(String projectId, RetryStrategy strategy, List<String> flowRunIds,
                                              RunQuery filters) {
        List<String> selected = new ArrayList<>();
        if (flowRunIds.isEmpty()) {
            RunQuery query = filters.statuses().isEmpty() ? filters.withStatuses(failedStates()) : filters;
            store.select(query).forEach(r -> selected.add(r.id));
        } else {
            for (String id : flowRunIds) {
                FlowRun run = store.get(id);
                if (run == null || !run.project().id().equals(projectId)) {
                    selected.add(id); // reported as not found by the retry itself
                } else if (filters.matches(run)) {
                    selected.add(id);
                }
            }
        }
        try (BullMqBatch batch = BullMqBatch.open(redis)) {
            List<RetryOutcome> outcomes = retries.retryAll(batch, selected, projectId, strategy);
            batch.sync();
            return outcomes;
        }
    }

    synchronized List<Heartbeats.Machine> workerMachines() {
        return heartbeats.machines();
    }

    boolean online(Heartbeats.Machine machine) {
        return heartbeats.online(machine);
    }

    /** Queue depths as Redis has them now (one pipelined round trip). */
    List<QueueMetric> queueMetrics() {
        List<BullQueue> queues = catalog.queues();
        try (BullMqBatch batch = BullMqBatch.open(redis)) {
            List<Response<Long>> waiting = new ArrayList<>();
            List<Response<Long>> active = new ArrayList<>();
            for (BullQueue q : queues) {
                waiting.add(batch.waitingCount(q));
                active.add(batch.activeCount(q));
            }
            batch.sync();
            List<QueueMetric> metrics = new ArrayList<>();
            for (int i = 0; i < queues.size(); i++) {
                metrics.add(new QueueMetric(queues.get(i).name(), waiting.get(i).get(), active.get(i).get()));
            }
            return metrics;
        }
    }

    private static Set<RunStatus> failedStates() {
        Set<RunStatus> failed = EnumSet.noneOf(RunStatus.class);
        for (RunStatus s : RunStatus.values()) {
            if (s.isFailed()) {
                failed.add(s);
            }
        }
        return failed;
    }

    @Override
    public void close() {
        PlatformApi running;
        synchronized (this) {
            running = api;
            api = null;
        }
        if (running != null) {
            running.close();
        }
        if (ownsRedis) {
            redis.close();
        }
    }
}
