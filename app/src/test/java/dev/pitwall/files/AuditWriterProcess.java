package dev.pitwall.files;

import dev.pitwall.ops.audit.AuditEntry;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * A second process writing the audit log, for {@link AuditLogProcessesTest}. The key, if any, comes from the variable
 * {@code AUDIT_TEST_KEY}.
 * <ul>
 *   <li>{@code write FILE THREADS ENTRIES LABEL}: prints READY, waits for a line on stdin (so that every writer starts
 *   together), appends ENTRIES from each of THREADS threads through one log instance, prints DONE.</li>
 *   <li>{@code crash FILE STEP}: appends one entry and, at STEP of that append, prints {@code AT STEP} and waits to be
 *   killed.</li>
 * </ul>
 */
public final class AuditWriterProcess {

    private AuditWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        String key = System.getenv("AUDIT_TEST_KEY");
        Supplier<Optional<byte[]>> keys = () -> Optional.ofNullable(key).map(k -> k.getBytes(StandardCharsets.UTF_8));
        if (args[0].equals("write")) {
            write(new HashChainedAuditLog(file, keys), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
        } else {
            HashChainedAuditLog.Step stop = HashChainedAuditLog.Step.valueOf(args[2]);
            CountDownLatch never = new CountDownLatch(1);
            new HashChainedAuditLog(file, keys, step -> {
                if (step == stop) {
                    System.out.println("AT " + step);
                    System.out.flush();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }).record(entry("crash", 0, 0));
        }
    }

    private static void write(HashChainedAuditLog log, int threads, int entries, String label) throws Exception {
        System.out.println("READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int i = 0; i < entries; i++) {
                    log.record(entry(label, thread, i));
                }
            });
            worker.start();
            started.add(worker);
        }
        for (Thread worker : started) {
            worker.join();
        }
        System.out.println("DONE");
    }

    static AuditEntry entry(String label, int thread, int i) {
        return new AuditEntry(Instant.now(), label + "-" + thread, "test.write", "audit", Map.of("i",
                String.valueOf(i)));
    }
}
