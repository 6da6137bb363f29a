package dev.pitwall.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.rollback.RollbackPlan;
import dev.pitwall.ops.rollback.RollbackPlanStore;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rollback plans as JSON (to run) and Markdown (to read), kept in the state directory unless told otherwise, in
 * {@code rollback-plans/<cluster>/}: the plans of two clusters (two demo worlds) never mix.
 */
public final class RollbackPlanFiles implements RollbackPlanStore {

    private final ObjectMapper json = ReplayJson.mapper();
    private final Path stateDir;

    public RollbackPlanFiles(Path stateDir) {
        this.stateDir = stateDir;
    }

    @Override
    public Path defaultFile(RollbackPlan plan) {
        return directory(plan.cluster()).resolve(plan.workload().name() + "-" + plan.id() + ".json");
    }

    @Override
    public Path directory(TargetIdentity cluster) {
        return stateDir.resolve("rollback-plans").resolve(cluster == null ? "unknown-cluster" : cluster.fileKey());
    }

    @Override
    public Path save(RollbackPlan plan, Path file) throws IOException {
        Path markdown = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.json$", "") + ".md");
        PrivateFiles.writeAtomically(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(plan));
        PrivateFiles.writeAtomically(markdown, plan.toMarkdown());
        return markdown;
    }

    @Override
    public RollbackPlan load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no rollback plan at " + file);
        }
        try {
            RollbackPlan plan = json.readValue(file.toFile(), RollbackPlan.class);
            if (plan == null || plan.workload() == null || plan.targetTemplateJson() == null
                    || plan.currentTemplateJson() == null) {
                throw new IOException("rollback plan " + file + " is incomplete");
            }
            return plan;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IOException("rollback plan " + file + " is not a valid plan: " + e.getMessage(), e);
        }
    }

    @Override
    public List<RollbackPlan> plansFor(TargetIdentity where, WorkloadRef workload) throws IOException {
        Path dir = directory(where);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<RollbackPlan> found = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(workload.name() + "-")
                    && f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    RollbackPlan plan = load(file);
                    if (plan.workload().equals(workload) && where.sameTarget(plan.cluster())) {
                        found.add(plan);
                    }
                } catch (IOException e) {
                    // a damaged plan file is not a plan: the others still count
                }
            }
        }
        found.sort(Comparator.comparing(RollbackPlan::createdAt).reversed());
        return found;
    }
}
