package dev.pitwall.ops.replay;

import java.io.IOException;
import java.nio.file.Path;

/** A port: where plans, journals and reports are kept (JSON files in the user's state directory by default). */
public interface ReplayFiles {

    void savePlan(ReplayPlan plan, Path file) throws IOException;

    /** @throws IOException with a message that says what is wrong with the file */
    ReplayPlan loadPlan(Path file) throws IOException;

    ReplayJournal journal(Path file);

    void saveReport(ReplayReport report, Path json, Path markdown) throws IOException;

    /** The journals in the default place (of every platform and Redis), newest first. */
    java.util.List<Path> journals();

    /** Where journals go when the user names none. */
    Path defaultJournal(ReplayPlan plan);
}
