package dev.pitwall.app;

import dev.pitwall.cli.ParsedArgs;

/** Opens a session on the embedded demo environment. */
final class DemoSessions {

    private DemoSessions() {
    }

    static Session start(ParsedArgs global) {
        Session session = new Session(null);
        session.note("The embedded demo environment is not part of this build yet.");
        return session;
    }
}
