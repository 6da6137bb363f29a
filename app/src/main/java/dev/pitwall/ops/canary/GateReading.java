package dev.pitwall.ops.canary;

/** One gate's verdict at one evaluation: the measured values and the threshold, as an operator reads them. */
public record GateReading(Gate gate, Verdict verdict, String measured, String threshold) {

    /**
     * PASS and FAIL judge; WAITING has too little yet (few runs, a pod not ready, too short a volume curve) and holds
     * the step; UNAVAILABLE cannot be measured with this profile (no platform, say) and holds nothing.
     */
    public enum Verdict { PASS, WAITING, UNAVAILABLE, FAIL }

    public boolean failed() {
        return verdict == Verdict.FAIL;
    }

    /** Whether this reading keeps a step from ending: it has not judged yet but will. */
    public boolean holds() {
        return verdict == Verdict.WAITING;
    }
}
