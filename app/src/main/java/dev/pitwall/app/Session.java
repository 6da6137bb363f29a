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
    private final boolean demo;
    private final boolean readOnlyFlag;

    Session(ConnectionProfile profile) {
        this(profile, false, false, false);
    }

    private Session(ConnectionProfile profile, boolean starting, boolean demo, boolean readOnlyFlag) {
        this.profile = profile;
        this.starting = starting;
        this.demo = demo;
        this.readOnlyFlag = readOnlyFlag;
    }

    /** Stands in while the real session (the embedded demo) is still starting. */
    static Session starting(String what) {
        Session s = new Session(null, true, false, false);
        s.note(what);
        return s;
    }

    /** A session on the embedded demo environment: never production. */
    static Session demo(ConnectionProfile profile) {
        return new Session(profile, false, true, false);
    }

    /**
     * This session with {@code --read-only} given on the command line: its profile offers no action, and a write
     * is refused naming the option.
     */
    Session readOnlyByFlag() {
        Session s = new Session(profile == null ? null : profile.withReadOnly(true), starting, demo, true);
        s.resources.addAll(resources);
        s.notes.addAll(notes);
        return s;
    }

    boolean isDemo() {
        return demo;
    }

    boolean readOnlyFlag() {
        return readOnlyFlag;
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
