package dev.pitwall.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.canary.CanaryJournal;
import dev.pitwall.ops.canary.Gate;
import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The canary journal: one JSON file per workload in {@code <state>/canaries/<cluster>/}, replaced atomically on every
 * change so that a crash leaves either the last record or the one before, never half of one. Filed by the cluster's
 * identity: a canary of one cluster is never found on another that has a workload of the same name.
 */
public final class CanaryJournalFile implements CanaryJournal {

    private final ObjectMapper json = ReplayJson.mapper().addHandler(new EarlierGateNames());
    private final Path dir;

    public CanaryJournalFile(Path stateDir) {
        this.dir = stateDir.resolve("canaries");
    }

    public Path file(TargetIdentity cluster, WorkloadRef workload) {
        return dir.resolve(cluster.fileKey()).resolve(workload.kind().name().toLowerCase(Locale.ROOT) + "-"
                + workload.namespace() + "-" + workload.name() + ".json");
    }

    @Override
    public Optional<CanaryRecord> load(TargetIdentity cluster, WorkloadRef workload) throws IOException {
        Path file = file(cluster, workload);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            CanaryRecord record = json.readValue(file.toFile(), CanaryRecord.class);
            if (record == null || record.workload() == null || record.settings() == null || record.phase() == null
                    || record.startedAt() == null || record.stepStartedAt() == null) {
                throw new IOException("canary journal " + file + " is incomplete");
            }
            return Optional.of(record);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IOException("canary journal " + file + " is not a canary record: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void save(CanaryRecord record) throws IOException {
        if (record.cluster() == null) {
            throw new IOException("a canary record without its cluster cannot be filed");
        }
        Path file = file(record.cluster(), record.workload());
        PrivateFiles.writeAtomically(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(record));
    }

    /**
     * Journals of canaries that ran before the volume gate was split into fill rate and time to full name it VOLUME:
     * read as the fill rate, so that such a canary can still be followed.
     */
    private static final class EarlierGateNames extends DeserializationProblemHandler {
        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> type, String value,
                                             String failure) {
            return type == Gate.class && "VOLUME".equals(value) ? Gate.FILL_RATE : NOT_HANDLED;
        }
    }
}
