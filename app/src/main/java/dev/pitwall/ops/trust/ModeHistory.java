package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a worker group's own revision history expects of it when no policy says: the mode it settled in. The history
 * is cut into stretches of successive revisions with the same mode. A stretch is settled once a release (a revision
 * with another image) kept its mode: a mode change followed by a restart alone is not settled, so a restart cannot
 * hide it. The expected mode is the current stretch's when it is settled; otherwise the newest settled one before it
 * or, when none is, the one that stood longest. A current mode other than that was set by the latest revision(s):
 * the {@link ModeChange} names the first of them.
 */
final class ModeHistory {

    /**
     * @param expected the mode the history expects
     * @param basis    the revisions it comes from, for messages ("revisions 3-4")
     * @param change   the revision that changed the mode away from it, or null when the group runs it
     */
    record Verdict(ExecutionMode expected, String basis, ModeChange change) {
    }

    private ModeHistory() {
    }

    /**
     * The verdict on {@code revisions} for a workload declaring {@code declared} now; empty when the history cannot
     * say (no other mode in it, an unknown declared value, or a template its revisions have not caught up with).
     */
    static Optional<Verdict> read(List<WorkloadRevision> revisions, ModeReading declared) {
        if (!declared.isKnown()) {
            return Optional.empty();
        }
        List<Stretch> stretches = stretches(revisions);
        if (stretches.isEmpty() || stretches.get(stretches.size() - 1).mode() != declared.mode()) {
            return Optional.empty();
        }
        Stretch current = stretches.get(stretches.size() - 1);
        if (current.settled()) {
            return Optional.of(new Verdict(current.mode(), current.text(), null));
        }
        List<Stretch> before = stretches.subList(0, stretches.size() - 1);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        Stretch expected = newestSettled(before).orElseGet(() -> longestStanding(stretches));
        if (expected.mode() == current.mode()) {
            return Optional.of(new Verdict(expected.mode(), expected.text(), null));
        }
        WorkloadRevision first = current.revisions().get(0);
        ExecutionMode previous = before.get(before.size() - 1).mode();
        return Optional.of(new Verdict(expected.mode(), expected.text(), new ModeChange(first.revision(),
                first.created(), first.changeCause(), previous, current.mode())));
    }

    /** Successive revisions (oldest first) with the same known mode; revisions with no known mode are left out. */
    private static List<Stretch> stretches(List<WorkloadRevision> revisions) {
        List<Stretch> out = new ArrayList<>();
        revisions.stream().filter(r -> r.declared().reading().isKnown())
                .sorted(Comparator.comparingLong(WorkloadRevision::revision)).forEach(r -> {
                    ExecutionMode mode = r.declared().reading().mode();
                    if (out.isEmpty() || out.get(out.size() - 1).mode() != mode) {
                        out.add(new Stretch(mode, new ArrayList<>()));
                    }
                    out.get(out.size() - 1).revisions().add(r);
                });
        return out;
    }

    private static Optional<Stretch> newestSettled(List<Stretch> stretches) {
        for (int i = stretches.size() - 1; i >= 0; i--) {
            if (stretches.get(i).settled()) {
                return Optional.of(stretches.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Of every stretch but the current (the last of {@code all}), the one that stood longest: from its first revision
     * until the next stretch began. Unknown times count as nothing; a tie goes to the newer.
     */
    private static Stretch longestStanding(List<Stretch> all) {
        Stretch best = null;
        Duration longest = Duration.ZERO;
        for (int i = 0; i < all.size() - 1; i++) {
            Duration stood = between(all.get(i).revisions().get(0).created(),
                    all.get(i + 1).revisions().get(0).created());
            if (best == null || stood.compareTo(longest) >= 0) {
                best = all.get(i);
                longest = stood;
            }
        }
        return best;
    }

    private static Duration between(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return Duration.ZERO;
        }
        return Duration.between(from, to);
    }

    private record Stretch(ExecutionMode mode, List<WorkloadRevision> revisions) {

        /** A release kept the mode: its revisions run more than one image. */
        boolean settled() {
            return revisions.stream().map(WorkloadRevision::image).filter(Objects::nonNull).distinct().count() > 1;
        }

        String text() {
            long first = revisions.get(0).revision();
            long last = revisions.get(revisions.size() - 1).revision();
            return first == last ? "revision " + first : "revisions " + first + "-" + last;
        }
    }
}
