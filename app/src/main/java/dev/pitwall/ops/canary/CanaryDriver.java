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
 * each evaluation renews a lease on the canary workload, and a driver that finds another's lease unexpired evaluates
 * nothing. A driver that died lets go when its lease runs out.
 *
 * @param id    names the process: who, where, which process
 * @param lease how long an evaluation keeps others off: a few of the driver's intervals
 */
public record CanaryDriver(String id, Duration lease) {

    static final String DRIVER = "pitwall.dev/canary-driver";
    static final String DRIVEN_UNTIL = "pitwall.dev/canary-driven-until";

    /** A lease of three intervals, and never under a minute, so that one slow evaluation does not lose it. */
    public static CanaryDriver thisProcess(String actor, String kind, Duration every) {
        Duration lease = every.multipliedBy(3);
        return new CanaryDriver(actor + "@" + host() + " (" + kind + ", pid " + ProcessHandle.current().pid() + ")",
                lease.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : lease);
    }

    /** The annotations that renew this driver's lease from {@code now}. */
    Map<String, String> renewal(Instant now) {
        return Map.of(DRIVER, id, DRIVEN_UNTIL, now.plus(lease).toString());
    }

    /** Another driver whose lease has not run out at {@code now}, as the canary's annotations tell. */
    Optional<Lease> other(Map<String, String> annotations, Instant now) {
        return Lease.of(annotations).filter(l -> !l.driver().equals(id) && l.heldAt(now));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** A lease as written on a canary. */
    public record Lease(String driver, Instant until) {

        /** Whether it still holds at {@code now} (a driver that stopped lets go when it runs out). */
        public boolean heldAt(Instant now) {
            return now.isBefore(until);
        }

        /** The canary's lease, if it has a readable one (a hand-edited time counts as none). */
        public static Optional<Lease> of(Map<String, String> annotations) {
            String driver = annotations.get(DRIVER);
            String until = annotations.get(DRIVEN_UNTIL);
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

    /** Another driver holds the canary: this one evaluates nothing until that lease runs out. */
    public static final class DrivenElsewhere extends RuntimeException {
        DrivenElsewhere(String canary, Lease lease) {
            super(canary + " is driven by " + lease.driver() + " until " + lease.until()
                    + " (a driver that stopped lets go then)");
        }
    }
}
