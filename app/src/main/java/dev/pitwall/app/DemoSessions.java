package dev.pitwall.app;

import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.demo.DemoEnvironment;

import java.util.Map;

/** Opens a session on a fresh embedded demo environment (--demo), stopped when the session closes. */
final class DemoSessions {

    private DemoSessions() {
    }

    /** @param demoSecrets where the demo's platform key is offered, under its variable name, to the adapters */
    static Session start(ParsedArgs global, Map<String, String> demoSecrets) {
        DemoEnvironment demo = DemoEnvironment.start(DemoCommand.DemoOptions.from(global));
        demoSecrets.put(DemoEnvironment.PLATFORM_KEY_ENV, demo.platformKey());
        Session session = Session.demo(demo.profile());
        session.own(demo);
        return session;
    }
}
