package dev.pitwall.archfixture.ops;

import dev.pitwall.ops.guard.WritePort;

/**
 * Breaks the rules on purpose: an engine that writes through a write port itself, around the guard (no read-only
 * check, no identity, no lock, no confirmation, no audit). Only ArchitectureTest looks at it.
 */
public class EngineWritingDirectly {

    private final WritePort<String, String> templates;

    public EngineWritingDirectly(WritePort<String, String> templates) {
        this.templates = templates;
    }

    public String rollBack() {
        return templates.write("the old template");
    }
}
