package dev.pitwall.ui.runs;

import dev.pitwall.model.FlowRun;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The detail pane's account of one run. */
final class RunDetailText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RunDetailText() {
    }

    static String of(FlowRun r, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append("Run ").append(r.id()).append("   ").append(r.status()).append('\n');
        b.append("Project ").append(nz(r.projectId())).append("   Flow ").append(nz(r.flowId()))
                .append("   Version ").append(nz(r.flowVersionId())).append('\n');
        b.append("Created ").append(r.created() == null ? "?" : TIME.format(r.created().atZone(zone)));
        if (r.finishTime() != null) {
            b.append("   Finished ").append(TIME.format(r.finishTime().atZone(zone)));
        }
        if (r.workerId() != null) {
            b.append("   Worker ").append(r.workerId());
        }
        b.append('\n');
        if (r.failedStep() != null) {
            b.append("Failed at ").append(nz(r.failedStep().name())).append(" (").append(nz(r.failedStep()
                    .displayName())).append(")\n").append(nz(r.failedStep().message())).append('\n');
        } else {
            b.append("The platform reported no failed step.\n");
        }
        if (r.isMalformed()) {
            b.append("Malformed entry: ").append(r.problem()).append('\n');
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "?" : s;
    }
}
