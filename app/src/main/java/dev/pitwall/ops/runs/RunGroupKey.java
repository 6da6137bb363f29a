package dev.pitwall.ops.runs;

import dev.pitwall.model.FlowRun;

/** The group of a failed run: its flow, the step it failed at, and its error signature. */
public record RunGroupKey(String flowId, String failedStepName, String signature) {

    public static RunGroupKey of(FlowRun run) {
        String step = run.failedStep() == null ? "(no failed step)" : nz(run.failedStep().name());
        String message = run.failedStep() == null ? null : run.failedStep().message();
        return new RunGroupKey(nz(run.flowId()), step, ErrorSignature.of(message));
    }

    private static String nz(String s) {
        return s == null ? "(unknown)" : s;
    }

    @Override
    public String toString() {
        return flowId + " / " + failedStepName + " / " + signature;
    }
}
