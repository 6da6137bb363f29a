package dev.pitwall.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.ops.replay.ReplayPlan;
import dev.pitwall.ops.replay.ReplayReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replay plans and reports as JSON files. A plan file edited into nonsense is refused with the reason. */
public final class PlanFiles {

    private final ObjectMapper json = ReplayJson.mapper();

    public void writePlan(ReplayPlan plan, Path file) throws IOException {
        ObjectNode node = json.valueToTree(plan);
        node.set("countsByGroup", json.valueToTree(plan.countsByGroup()));
        node.set("exclusionsByReason", json.valueToTree(plan.exclusionsByReason()));
        node.put("itemCount", plan.items().size());
        PrivateFiles.writeAtomically(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    public ReplayPlan readPlan(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no plan file at " + file);
        }
        try {
            ReplayPlan plan = json.readValue(file.toFile(), ReplayPlan.class);
            if (plan == null || plan.items() == null) {
                throw new IOException("plan file " + file + " holds no plan");
            }
            for (var item : plan.items()) {
                if (item == null || item.id() == null || item.partition() == null) {
                    throw new IOException("plan file " + file + " lists an item without an id or project/queue");
                }
            }
            return plan;
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("plan file " + file + " is not a valid plan: " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IOException("plan file " + file + " is not a valid plan: " + e.getOriginalMessage() + where, e);
        } catch (IllegalArgumentException e) {
            throw new IOException("plan file " + file + " is not a valid plan: " + e.getMessage(), e);
        }
    }

    public void writeReport(ReplayReport report, Path json, Path markdown) throws IOException {
        PrivateFiles.writeAtomically(json, this.json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        PrivateFiles.writeAtomically(markdown, report.toMarkdown());
    }
}
