package dev.pitwall.files;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pitwall.ops.replay.JournalEntry;

/** The JSON form of plans, journal lines and reports: ISO timestamps, a "type" on each journal line. */
final class ReplayJson {

    private ReplayJson() {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addMixIn(JournalEntry.class, JournalEntryTypes.class);
    }

    /** Names each journal entry type on its line, without the ops layer knowing about Jackson. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = JournalEntry.Started.class, name = "started"),
            @JsonSubTypes.Type(value = JournalEntry.Sending.class, name = "sending"),
            @JsonSubTypes.Type(value = JournalEntry.Answered.class, name = "answered"),
            @JsonSubTypes.Type(value = JournalEntry.BatchFailed.class, name = "batch-failed"),
            @JsonSubTypes.Type(value = JournalEntry.Skipped.class, name = "skipped"),
            @JsonSubTypes.Type(value = JournalEntry.Released.class, name = "released"),
            @JsonSubTypes.Type(value = JournalEntry.CanaryPassed.class, name = "canary-passed"),
            @JsonSubTypes.Type(value = JournalEntry.Finished.class, name = "finished"),
            @JsonSubTypes.Type(value = JournalEntry.Stopped.class, name = "stopped"),
            @JsonSubTypes.Type(value = JournalEntry.Completed.class, name = "completed")})
    interface JournalEntryTypes {
    }
}
