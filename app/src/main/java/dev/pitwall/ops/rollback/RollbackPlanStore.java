package dev.pitwall.ops.rollback;

import dev.pitwall.model.TargetIdentity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A port: where rollback plans are kept (JSON to run, Markdown to read). */
public interface RollbackPlanStore {

    /** Where a plan is saved when no file is named (in the user's state directory, filed by its cluster). */
    Path defaultFile(RollbackPlan plan);

    /** The folder of the default files of the plans of {@code cluster}: where {@link #plansFor} looks. */
    Path directory(TargetIdentity cluster);

    /** Writes the plan as JSON to {@code file} and as Markdown next to it; returns the Markdown file. */
    Path save(RollbackPlan plan, Path file) throws IOException;

    /** Reads a plan; a missing, corrupt or incomplete file is an IOException that says which and why. */
    RollbackPlan load(Path file) throws IOException;

    /**
     * The plans saved in the default place for {@code workload} of the cluster {@code where}, newest first
     * (unreadable files, and plans of another cluster, are skipped).
     */
    List<RollbackPlan> plansFor(TargetIdentity where, WorkloadRef workload) throws IOException;
}
