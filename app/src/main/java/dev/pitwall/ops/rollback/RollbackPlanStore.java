package dev.pitwall.ops.rollback;

import java.io.IOException;
import java.nio.file.Path;

/** A port: where rollback plans are kept (JSON to run, Markdown to read). */
public interface RollbackPlanStore {

    /** Where a plan is saved when no file is named (in the user's state directory). */
    Path defaultFile(RollbackPlan plan);

    /** The folder of those default files: where {@link #plansFor} looks. */
    Path directory();

    /** Writes the plan as JSON to {@code file} and as Markdown next to it; returns the Markdown file. */
    Path save(RollbackPlan plan, Path file) throws IOException;

    /** Reads a plan; a missing, corrupt or incomplete file is an IOException that says which and why. */
    RollbackPlan load(Path file) throws IOException;

    /** The plans saved in the default place for {@code workload}, newest first (unreadable files are skipped). */
    java.util.List<RollbackPlan> plansFor(WorkloadRef workload) throws IOException;
}
