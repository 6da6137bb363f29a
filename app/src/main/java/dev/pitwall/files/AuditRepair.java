package dev.pitwall.files;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log's check, run under its lock: the chain of lines, then the head against the chain's end. The two
 * traces a crash in an append can leave are repaired rather than reported: a head exactly one entry behind a sound
 * last line (the crash came between the line and the head), and text after the last newline while the head names the
 * last whole line (the crash cut the line itself). Anything else is a problem.
 */
final class AuditRepair {

    private AuditRepair() {
    }

    static List<String> check(Path file, AuditHeadFile headFile, AuditSeal seal, ObjectMapper json)
            throws IOException {
        AuditLines.Whole whole = AuditLines.read(file);
        AuditChainWalk.Result chain = AuditChainWalk.walk(whole.lines(), seal, json);
        List<String> problems = new ArrayList<>(chain.problems());
        AuditHeadFile.Head head = headFile.read().orElse(!headFile.exists() && chain.count() == 0
                ? AuditHeadFile.Head.EMPTY : null);
        if (head == null) {
            problems.add("the head file " + file.getFileName() + ".head is missing or unreadable: whether the log was "
                    + "cut at its end cannot be told");
            return problems;
        }
        if (seal.keyed() && chain.count() > 0 && !head.sealedBy(seal)) {
            problems.add("the head file is not sealed with the audit key: it was rewritten, or no entry was written "
                    + "with the key yet");
            return problems;
        }
        boolean oneBehind = chain.count() > 0 && chain.lastLineSound() && head.at(chain.beforeEnd(), chain.count() - 1);
        if (oneBehind) {
            headFile.write(chain.endHash(), chain.count(), seal, () -> { });
        } else if (!head.at(chain.endHash(), chain.count())) {
            problems.add("the log ends after " + chain.count() + " entries but the head says " + head.count()
                    + " were written: it was truncated, or its end was replaced");
            return problems;
        }
        if (whole.cut()) {
            if (oneBehind) {
                problems.add("line " + (chain.count() + 1) + ": cut off, after a line the head did not know yet");
            } else {
                AuditLines.truncate(file, whole.wholeLength());
            }
        }
        return problems;
    }
}
