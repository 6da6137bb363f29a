package dev.pitwall.ops.replay;

import dev.pitwall.ops.replay.JournalEntry.Outcome;
import dev.pitwall.ops.replay.JournalState.Stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The final account of a replay: counts and the runs of each outcome, from its journal. */
public record ReplayReport(String planId, String selection, String strategy, long planned, long excluded,
                           Map<String, Long> exclusionsByReason, long sent, long rejected, long succeeded,
                           long failedAgain, long stuckQueued, long unfinished, long missing, long notSent,
                           String stoppedBecause, boolean completed,
                           Map<String, List<String>> runsByOutcome,
                           List<JournalEntry.Finished> failedAgainDetails,
                           List<JournalEntry.Rejected> rejectedDetails) {

    public static ReplayReport of(JournalState s) {
        Map<String, List<String>> runs = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            runs.put(o.name().toLowerCase(), s.finished(o).stream().map(JournalEntry.Finished::id).toList());
        }
        runs.put("rejected", s.plan().items().stream().map(ReplayItem::id)
                .filter(id -> s.stage(id) == Stage.REJECTED).toList());
        runs.put("not_sent", s.itemsIn(Stage.NOT_SENT).stream().map(ReplayItem::id).toList());
        List<JournalEntry.Rejected> rejected = s.plan().items().stream().map(i -> s.rejections().get(i.id()))
                .filter(java.util.Objects::nonNull).toList();
        return new ReplayReport(s.plan().id(), s.plan().selection(), s.plan().strategy().name(),
                s.plan().items().size(), s.plan().exclusions().size(), s.plan().exclusionsByReason(), s.countSent(),
                s.count(Stage.REJECTED), s.countFinished(Outcome.SUCCEEDED), s.countFinished(Outcome.FAILED_AGAIN),
                s.countFinished(Outcome.STUCK_QUEUED), s.countFinished(Outcome.UNFINISHED),
                s.countFinished(Outcome.MISSING), s.count(Stage.NOT_SENT), s.stopReason().orElse(null),
                s.isCompleted(), runs, s.finished(Outcome.FAILED_AGAIN), rejected);
    }

    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Replay report\n\n");
        b.append("- Plan: `").append(planId).append("` (").append(strategy).append(")\n");
        b.append("- Selection: ").append(selection).append('\n');
        b.append("- State: ").append(completed ? "completed" : stoppedBecause != null ? "stopped: " + stoppedBecause
                : "not finished").append("\n\n");
        b.append("| outcome | runs |\n|---|---:|\n");
        row(b, "planned", planned);
        row(b, "excluded by the plan", excluded);
        row(b, "sent", sent);
        row(b, "succeeded", succeeded);
        row(b, "failed again", failedAgain);
        row(b, "stuck in QUEUED", stuckQueued);
        row(b, "unfinished at the end of follow-up", unfinished);
        row(b, "rejected by the platform", rejected);
        row(b, "gone from the platform", missing);
        row(b, "not sent", notSent);
        if (!exclusionsByReason.isEmpty()) {
            b.append("\n## Excluded\n\n| reason | runs |\n|---|---:|\n");
            exclusionsByReason.forEach((reason, n) -> row(b, reason, n));
        }
        if (!failedAgainDetails.isEmpty()) {
            b.append("\n## Failed again\n\n| run | failed step | message |\n|---|---|---|\n");
            failedAgainDetails.forEach(f -> b.append("| ").append(f.id()).append(" | ").append(cell(f.failedStep()))
                    .append(" | ").append(cell(f.message())).append(" |\n"));
        }
        if (!rejectedDetails.isEmpty()) {
            b.append("\n## Rejected\n\n| run | code | message |\n|---|---|---|\n");
            rejectedDetails.forEach(r -> b.append("| ").append(r.id()).append(" | ").append(cell(r.code()))
                    .append(" | ").append(cell(r.message())).append(" |\n"));
        }
        runsByOutcome.forEach((outcome, ids) -> {
            if (!ids.isEmpty() && !outcome.equals("failed_again")) {
                b.append("\n## ").append(outcome.replace('_', ' ')).append(" (").append(ids.size()).append(")\n\n");
                ids.forEach(id -> b.append("- ").append(id).append('\n'));
            }
        });
        return b.toString();
    }

    private static void row(StringBuilder b, String label, long n) {
        b.append("| ").append(label).append(" | ").append(String.format("%,d", n)).append(" |\n");
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
