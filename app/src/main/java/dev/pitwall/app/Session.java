package dev.pitwall.app;

import dev.pitwall.model.ConnectionProfile;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run of Pitwall is connected to: the profile, plus anything that must be stopped at exit (an embedded demo
 * environment), plus notes for the status bar (a broken settings file, a demo that could not start).
 */
final class Session implements AutoCloseable {

    private final ConnectionProfile profile;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private final boolean starting;
    /** Guarded by {@code resources}. */
    private boolean closed;

    Session(ConnectionProfile profile) {
        this(profile, false);
    }

    private Session(ConnectionProfile profile, boolean starting) {
        this.profile = profile;
        this.starting = starting;
    }

    /** Stands in while the real session (the embedded demo) is still starting. */
    static Session starting(String what) {
        Session s = new Session(null, true);
        s.note(what);
        return s;
    }

    boolean isStarting() {
        return starting;
    }

    ConnectionProfile profile() {
        return profile;
    }

    boolean hasProfile() {
        return profile != null;
    }

    /**
     * Takes {@code resource} to close with the session. Screens open theirs in the background, so one may arrive
     * after the session closed: it is closed at once rather than left running against a stopped world.
     */
    void own(AutoCloseable resource) {
        synchronized (resources) {
            if (!closed) {
                resources.add(resource);
                return;
            }
        }
        closeQuietly(resource);
    }

    void note(String text) {
        notes.add(text);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void close() {
        List<AutoCloseable> owned;
        synchronized (resources) {
            closed = true;
            owned = new ArrayList<>(resources);
            resources.clear();
        }
        for (int i = owned.size() - 1; i >= 0; i--) {
            closeQuietly(owned.get(i));
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("pitwall: could not stop " + resource + ": " + e.getMessage());
        }
    }
}
