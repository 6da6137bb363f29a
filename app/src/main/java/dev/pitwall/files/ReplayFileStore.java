package dev.pitwall.files;

import dev.pitwall.ops.replay.ReplayFiles;
import dev.pitwall.ops.replay.ReplayJournal;
import dev.pitwall.ops.replay.ReplayPlan;
import dev.pitwall.ops.replay.ReplayReport;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Plans, journals and reports as files; journals default to
 * {@code <state>/replays/<platform or Redis>/<plan id>.journal.jsonl}, filed by where the plan belongs.
 */
public final class ReplayFileStore implements ReplayFiles {

    private final PlanFiles plans = new PlanFiles();
    private final Path stateDir;

    public ReplayFileStore(Path stateDir) {
        this.stateDir = stateDir;
    }

    @Override
    public void savePlan(ReplayPlan plan, Path file) throws IOException {
        plans.writePlan(plan, file);
    }

    @Override
    public ReplayPlan loadPlan(Path file) throws IOException {
        return plans.readPlan(file);
    }

    @Override
    public ReplayJournal journal(Path file) {
        return new JsonLinesJournal(file);
    }

    @Override
    public void saveReport(ReplayReport report, Path json, Path markdown) throws IOException {
        plans.writeReport(report, json, markdown);
    }

    @Override
    public java.util.List<Path> journals() {
        Path dir = stateDir.resolve("replays");
        if (!java.nio.file.Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (var files = java.nio.file.Files.walk(dir, 2)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal.jsonl"))
                    .sorted(java.util.Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed())
                    .toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    @Override
    public Path defaultJournal(ReplayPlan plan) {
        return stateDir.resolve("replays").resolve(plan.target() == null ? "unknown-target" : plan.target().fileKey())
                .resolve(plan.id() + ".journal.jsonl");
    }
}
