package dev.pitwall.ui.canary;

import dev.pitwall.ops.canary.GateReading;

/** One gate as the live table shows it: the verdict as a symbol and a word, never colour alone. */
public record GateRow(String gate, String verdict, String measured, String threshold, GateReading.Verdict state) {

    static GateRow of(GateReading reading) {
        String verdict = switch (reading.verdict()) {
            case PASS -> "\u2714 pass";
            case WAITING -> "\u2026 waiting";
            case UNAVAILABLE -> "\u2013 not measured";
            case FAIL -> "\u2716 FAIL";
        };
        return new GateRow(reading.gate().label(), verdict, reading.measured(), reading.threshold(),
                reading.verdict());
    }
}
