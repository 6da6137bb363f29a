package dev.pitwall.ops.guard;

/**
 * A port: locks on this machine, one per key, that exclude other Pitwall processes (an OS file lock in the state
 * directory) and other operations of this one.
 */
public interface LocalLocks {

    /**
     * @param key  which lock (the guard files it under the connection's identity)
     * @param what the write, for the refusal's message
     * @throws WriteRefused when it is held elsewhere
     */
    Lock.Held lock(String key, String what);
}
