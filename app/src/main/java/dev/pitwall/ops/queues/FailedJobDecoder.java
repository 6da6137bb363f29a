package dev.pitwall.ops.queues;

import dev.pitwall.model.FailedJob;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a raw job hash into a {@link FailedJob}, saying everything that is wrong with it instead of failing: a hash
 * that vanished, missing fields, text that is not UTF-8 or not JSON, numbers that are not numbers, an Activepieces
 * job type nobody knows. Fields cut to the read bound are shown cut and not judged (their end was never read).
 */
public final class FailedJobDecoder {

    /** The job types of Activepieces' job data (schema version 10); others are reported as unknown. */
    static final Set<String> KNOWN_JOB_TYPES = Set.of("RENEW_WEBHOOK", "EXECUTE_POLLING", "EXECUTE_WEBHOOK",
            "EXECUTE_FLOW", "EXECUTE_VALIDATION", "EXECUTE_TRIGGER_HOOK", "EXECUTE_PROPERTY",
            "EXECUTE_EXTRACT_PIECE_INFORMATION", "EVENT_DESTINATION", "EXECUTE_CHAT_AGENT", "EXECUTE_TOKEN_REFRESH");

    private static final List<String> TEXT_FIELDS = List.of("name", "data", "opts", "failedReason", "stacktrace");

    private FailedJobDecoder() {
    }

    public static FailedJob decode(RawJob raw) {
        if (!raw.exists()) {
            return new FailedJob(raw.id(), null, null, -1, false, null, List.of(), null, null, null, null,
                    "job hash is gone (removed after the failed set was read)");
        }
        List<String> problems = new ArrayList<>();
        Map<String, JobField> f = raw.fields();
        if (!raw.idValidUtf8()) {
            problems.add("id is not valid UTF-8");
        }
        for (String name : TEXT_FIELDS) {
            JobField field = f.get(name);
            if (field != null && !field.validUtf8()) {
                problems.add(name + " is not valid UTF-8");
            }
        }
        String name = text(f, "name");
        if (name == null) {
            problems.add("missing field: name");
        }
        JobField data = f.get("data");
        if (data == null) {
            problems.add("missing field: data");
        } else {
            checkData(data, problems);
        }
        checkJson(f.get("opts"), "opts", problems);
        String failedReason = text(f, "failedReason");
        if (failedReason == null) {
            problems.add("missing field: failedReason");
        }
        List<String> stacktrace = stacktrace(f.get("stacktrace"), problems);
        Instant created = instant(f, "timestamp", true, problems);
        Instant processed = instant(f, "processedOn", false, problems);
        Instant finished = instant(f, "finishedOn", true, problems);
        Long attempts = number(f, "atm", false, problems);
        return new FailedJob(raw.id(), name, data == null ? null : data.text(),
                data == null ? -1 : data.byteLength(), data != null && data.truncated(), failedReason, stacktrace,
                attempts == null ? null : (int) Math.min(Integer.MAX_VALUE, attempts), created, processed, finished,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static void checkData(JobField data, List<String> problems) {
        if (data.truncated()) {
            return;
        }
        try {
            Object parsed = JsonText.parse(data.text());
            if (parsed instanceof Map<?, ?> map && map.get("jobType") instanceof String type
                    && !KNOWN_JOB_TYPES.contains(type)) {
                problems.add("unknown job type: " + type);
            }
        } catch (JsonText.SyntaxError e) {
            problems.add("data is not valid JSON: " + e.getMessage());
        }
    }

    private static void checkJson(JobField field, String name, List<String> problems) {
        if (field == null || field.truncated()) {
            return;
        }
        try {
            JsonText.parse(field.text());
        } catch (JsonText.SyntaxError e) {
            problems.add(name + " is not valid JSON: " + e.getMessage());
        }
    }

    /** BullMQ keeps the stack traces as a JSON array of strings; anything else is shown as its raw text. */
    private static List<String> stacktrace(JobField field, List<String> problems) {
        if (field == null) {
            return List.of();
        }
        if (field.truncated()) {
            return List.of(field.text() + "\n\u2026 (cut: " + field.byteLength() + " bytes in all)");
        }
        try {
            if (JsonText.parse(field.text()) instanceof List<?> list) {
                List<String> lines = new ArrayList<>(list.size());
                list.forEach(o -> lines.add(String.valueOf(o)));
                return lines;
            }
            problems.add("stacktrace is not a JSON array");
        } catch (JsonText.SyntaxError e) {
            problems.add("stacktrace is not valid JSON: " + e.getMessage());
        }
        return List.of(field.text());
    }

    private static Instant instant(Map<String, JobField> f, String name, boolean required, List<String> problems) {
        Long ms = number(f, name, required, problems);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    private static Long number(Map<String, JobField> f, String name, boolean required, List<String> problems) {
        String text = text(f, name);
        if (text == null) {
            if (required) {
                problems.add("missing field: " + name);
            }
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            problems.add(name + " is not a number: '" + shorten(text) + "'");
            return null;
        }
    }

    private static String text(Map<String, JobField> f, String name) {
        JobField field = f.get(name);
        return field == null ? null : field.text();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "\u2026";
    }
}
