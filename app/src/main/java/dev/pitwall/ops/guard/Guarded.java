package dev.pitwall.ops.guard;

import java.util.Objects;

/** A write port as engines hold it: each write needs the open {@link Permit} of a guarded operation. */
public final class Guarded<C, R> {

    private final WritePort<C, R> port;

    private Guarded(WritePort<C, R> port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    public static <C, R> Guarded<C, R> of(WritePort<C, R> port) {
        return new Guarded<>(port);
    }

    /** Writes {@code change} as part of the operation {@code permit} was issued for (records "about to" first). */
    public R write(Permit permit, C change) {
        permit.beforeWrite();
        return port.write(change);
    }
}
