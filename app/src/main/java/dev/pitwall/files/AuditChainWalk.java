package dev.pitwall.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the audit log's lines and checks each against the one before: its {@code prev} must be that line's hash, and
 * its own hash must match its content. With a key, a keyed line is checked with the key and an unkeyed line after a
 * keyed one is a forgery; unkeyed lines before the first keyed one are those written before the key was set, and stay
 * protected by the first keyed line's {@code prev}. Without a key, keyed lines cannot be checked and say so.
 */
final class AuditChainWalk {

    /**
     * @param endHash      the last line's hash ({@link AuditHeadFile#GENESIS} for no lines)
     * @param beforeEnd    the hash of the line before the last (what a head one append behind holds)
     * @param lastLineSound the last line passed every check this walk could make
     */
    record Result(List<String> problems, String endHash, String beforeEnd, long count, boolean lastLineSound) {
    }

    private AuditChainWalk() {
    }

    static Result walk(List<String> lines, AuditSeal seal, ObjectMapper json) {
        List<String> problems = new ArrayList<>();
        String prev = AuditHeadFile.GENESIS;
        String beforeEnd = AuditHeadFile.GENESIS;
        boolean sawKeyed = false;
        boolean sound = true;
        int uncheckable = 0;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            beforeEnd = prev;
            int problemsBefore = problems.size();
            ObjectNode node = parse(lines.get(i), json);
            if (node == null) {
                problems.add("line " + number + ": not a readable audit entry");
                prev = null; // what came before it is unknown: the next line's link cannot be judged
                sound = false;
                continue;
            }
            String claimed = node.path("hash").asText();
            node.remove("hash");
            if (prev != null && !prev.equals(node.path("prev").asText())) {
                problems.add("line " + number + ": does not follow line " + i + " (a line was removed, added or "
                        + "reordered)");
            }
            boolean keyedLine = AuditSeal.KEYED_ALG.equals(node.path("alg").asText());
            String content = node.toString();
            if (keyedLine && !seal.keyed()) {
                uncheckable++;
            } else if (!(keyedLine ? seal.line(content) : AuditSeal.sha256(content)).equals(claimed)) {
                problems.add("line " + number + ": its content was changed after it was written");
            } else if (!keyedLine && sawKeyed && seal.keyed()) {
                problems.add("line " + number + ": not keyed with the audit key though the lines before it are "
                        + "(added by someone without the key)");
            }
            sawKeyed |= keyedLine;
            sound = problems.size() == problemsBefore && !(keyedLine && !seal.keyed());
            prev = claimed;
        }
        if (uncheckable > 0) {
            problems.add(uncheckable + " entries are keyed with an audit key that is not configured here, so they "
                    + "cannot be checked: set PITWALL_AUDIT_KEY_ENV (or the profile's auditKeyEnv) to the variable "
                    + "holding it");
        }
        return new Result(problems, prev == null ? "" : prev, beforeEnd, lines.size(), sound);
    }

    private static ObjectNode parse(String line, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(line);
            return node instanceof ObjectNode object ? object : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
