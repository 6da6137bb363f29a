package dev.pitwall.demo.platform;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.demo.world.SimWorker;
import dev.pitwall.demo.world.WorkerRoster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A worker roster the test controls: the demo fleet's shape, changed worker by worker. */
public final class TestRoster implements WorkerRoster {

    static final String STABLE_IMAGE = ImageBehaviour.IMAGE_REPOSITORY + ":" + ImageBehaviour.STABLE_TAG;
    static final long DISK_USED = 300L * 1024 * 1024;

    private final List<SimWorker> workers = new CopyOnWriteArrayList<>();

    /** 8 shared workers and 2 per customer, all running, healthy, concurrency 5. */
    public static TestRoster demoFleet() {
        TestRoster roster = new TestRoster();
        for (int i = 0; i < DemoFleet.SHARED_REPLICAS; i++) {
            roster.workers.add(shared(i));
        }
        for (String customer : DemoFleet.CUSTOMERS) {
            for (int i = 0; i < DemoFleet.DEDICATED_REPLICAS; i++) {
                roster.workers.add(dedicated(customer, i));
            }
        }
        return roster;
    }

    static SimWorker shared(int i) {
        return new SimWorker(DemoFleet.SHARED_NAMESPACE, DemoFleet.SHARED_WORKLOAD + "-" + i, "10.42.0." + (10 + i),
                "node-" + (i % 3), DemoFleet.SHARED_WORKLOAD, null, DemoFleet.SHARED_QUEUE, STABLE_IMAGE,
                ImageBehaviour.STABLE_TAG, "SANDBOX_PROCESS", 5, true, DISK_USED, DemoFleet.CACHE_BYTES);
    }

    static SimWorker dedicated(String customer, int i) {
        String groupId = DemoFleet.groupIdOf(customer);
        return new SimWorker(DemoFleet.namespaceOf(customer), DemoFleet.workloadOf(customer) + "-" + i,
                "10.42." + (1 + DemoFleet.CUSTOMERS.indexOf(customer)) + "." + (10 + i), "node-" + i,
                DemoFleet.workloadOf(customer), groupId, DemoFleet.queueOf(groupId), STABLE_IMAGE,
                ImageBehaviour.STABLE_TAG, "SANDBOX_PROCESS", 5, true, DISK_USED, DemoFleet.CACHE_BYTES);
    }

    @Override
    public List<SimWorker> workers() {
        return new ArrayList<>(workers);
    }

    SimWorker get(String pod) {
        return workers.stream().filter(w -> w.pod().equals(pod)).findFirst().orElseThrow();
    }

    public void update(Predicate<SimWorker> which, UnaryOperator<SimWorker> change) {
        workers.replaceAll(w -> which.test(w) ? change.apply(w) : w);
    }

    static Predicate<SimWorker> pod(String name) {
        return w -> w.pod().equals(name);
    }

    public static Predicate<SimWorker> ofQueue(String queue) {
        return w -> queue.equals(w.queue());
    }

    public static SimWorker running(SimWorker w, boolean running) {
        return new SimWorker(w.namespace(), w.pod(), w.podIp(), w.node(), w.workload(), w.groupId(), w.queue(),
                w.image(), w.version(), w.executionMode(), w.concurrency(), running, w.diskUsedBytes(),
                w.diskTotalBytes());
    }

    public static SimWorker mode(SimWorker w, String executionMode) {
        return new SimWorker(w.namespace(), w.pod(), w.podIp(), w.node(), w.workload(), w.groupId(), w.queue(),
                w.image(), w.version(), executionMode, w.concurrency(), w.running(), w.diskUsedBytes(),
                w.diskTotalBytes());
    }

    static SimWorker image(SimWorker w, String tag) {
        return new SimWorker(w.namespace(), w.pod(), w.podIp(), w.node(), w.workload(), w.groupId(), w.queue(),
                ImageBehaviour.IMAGE_REPOSITORY + ":" + tag, tag, w.executionMode(), w.concurrency(), w.running(),
                w.diskUsedBytes(), w.diskTotalBytes());
    }

    static SimWorker diskUsed(SimWorker w, long used) {
        return new SimWorker(w.namespace(), w.pod(), w.podIp(), w.node(), w.workload(), w.groupId(), w.queue(),
                w.image(), w.version(), w.executionMode(), w.concurrency(), w.running(), used, w.diskTotalBytes());
    }
}
