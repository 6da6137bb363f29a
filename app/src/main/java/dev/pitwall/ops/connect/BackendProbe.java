package dev.pitwall.ops.connect;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;

/** A port: asks one back-end of a profile whether it answers. Implemented by each adapter. */
public interface BackendProbe {

    BackendKind kind();

    /** Never throws: every failure becomes a {@link ProbeResult#failed} with a reason a person can act on. */
    ProbeResult probe(ConnectionProfile profile);
}
