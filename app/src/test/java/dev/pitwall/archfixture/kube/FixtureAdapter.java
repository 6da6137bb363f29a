package dev.pitwall.archfixture.kube;

import dev.pitwall.ops.guard.WritePort;

/** A stand-in adapter of a write port: implementing one is allowed (its bridge method is no caller). */
public class FixtureAdapter implements WritePort<String, String> {

    @Override
    public String write(String change) {
        return "written: " + change;
    }
}
