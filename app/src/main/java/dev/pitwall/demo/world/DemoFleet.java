package dev.pitwall.demo.world;

import java.util.List;

/** The fixed shape of the demo fleet: names every part of the demo (and its tests) agrees on. */
public final class DemoFleet {

    public static final String SHARED_NAMESPACE = "ap-shared";
    public static final String SHARED_WORKLOAD = "activepieces-worker";
    public static final String SHARED_QUEUE = "workerJobs";
    public static final int SHARED_REPLICAS = 8;
    public static final long CACHE_BYTES = 2L * 1024 * 1024 * 1024;
    public static final String CACHE_MOUNT = "/usr/src/app/cache";

    /** The enterprise customers with dedicated worker groups, 2 replicas each. */
    public static final List<String> CUSTOMERS = List.of("acme", "globex", "initech");
    /** The customer whose dedicated worker loses its trusted mode in the incident's namespace migration. */
    public static final String FLIPPED_CUSTOMER = "globex";
    public static final int DEDICATED_REPLICAS = 2;

    /** The label every worker workload and pod carries (the console's default worker selector). */
    public static final String WORKER_LABEL_KEY = "app.kubernetes.io/component";
    public static final String WORKER_LABEL_VALUE = "worker";

    private DemoFleet() {
    }

    public static String namespaceOf(String customer) {
        return "ap-dedicated-" + customer;
    }

    public static String groupIdOf(String customer) {
        return "wg-" + customer;
    }

    public static String workloadOf(String customer) {
        return "activepieces-worker-" + customer;
    }

    public static String queueOf(String groupId) {
        return "platform-" + groupId + "-jobs";
    }

    public static String projectOf(String customer) {
        return "proj-" + customer;
    }
}
