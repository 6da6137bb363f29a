package dev.pitwall.ops.canary;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Who evaluates a canary's gates, and for how long the others leave it to them. Two drivers at once (a terminal's
 * {@code canary start} and a console, or two terminals) would both advance steps and both roll back on an abort; so
 * each evaluation takes or renews a lease on the canary workload through the write guard
 * ({@link dev.pitwall.ops.guard.Lease}: an optimistic-concurrency write of its holder and expiry against the
 * workload's resourceVersion, which only one of two drivers wins), and a driver that finds another's lease unexpired
 * evaluates nothing. A driver that died lets go when its lease runs out.
 *
 * @param id    names the process: who, where, which process
 * @param lease how long an evaluation keeps others off: a few of the driver's intervals
 */
public record CanaryDriver(String id, Duration lease) {

    /** A lease of three intervals, and never under a minute, so that one slow evaluation does not lose it. */
    public static CanaryDriver thisProcess(String actor, String kind, Duration every) {
        Duration lease = every.multipliedBy(3);
        return new CanaryDriver(actor + "@" + host() + " (" + kind + ", pid " + ProcessHandle.current().pid() + ")",
                lease.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : lease);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** A lease as written on a canary, for whoever shows who drives it. */
    public record Lease(String driver, Instant until) {

        /** Whether it still holds at {@code now} (a driver that stopped lets go when it runs out). */
        public boolean heldAt(Instant now) {
            return now.isBefore(until);
        }

        /** The canary's lease, if it has a readable one (a hand-edited time counts as none). */
        public static Optional<Lease> of(Map<String, String> annotations) {
            String driver = annotations.get(CanaryAnnotations.DRIVER);
            String until = annotations.get(CanaryAnnotations.DRIVEN_UNTIL);
            if (driver == null || driver.isBlank() || until == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Lease(driver, Instant.parse(until)));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
