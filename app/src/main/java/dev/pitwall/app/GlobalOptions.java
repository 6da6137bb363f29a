package dev.pitwall.app;

import dev.pitwall.cli.OptionSpec;

import java.util.List;

/** The options shared by the console and every subcommand. */
final class GlobalOptions {

    static final OptionSpec HELP = OptionSpec.flag("--help", "print this help (or a command's help) and exit");
    static final OptionSpec VERSION = OptionSpec.flag("--version", "print the version and exit");
    static final OptionSpec PROFILE = OptionSpec.value("--profile", "NAME", "use the saved connection profile NAME");
    static final OptionSpec KUBECONFIG = OptionSpec.value("--kubeconfig", "FILE", "kubeconfig file");
    static final OptionSpec CONTEXT = OptionSpec.value("--context", "NAME", "kube context in the kubeconfig");
    static final OptionSpec NAMESPACE_SELECTOR = OptionSpec.value("--namespace-selector", "LABEL=VALUE",
            "watch the namespaces with this label");
    static final OptionSpec WORKER_SELECTOR = OptionSpec.value("--worker-selector", "LABEL=VALUE",
            "worker workloads and pods carry this label");
    static final OptionSpec REDIS = OptionSpec.value("--redis", "URL", "redis:// or rediss:// URL (user and password may be in it)");
    static final OptionSpec REDIS_PASSWORD_ENV = OptionSpec.value("--redis-password-env", "VAR",
            "environment variable holding the Redis password");
    static final OptionSpec PLATFORM_URL = OptionSpec.value("--platform-url", "URL", "platform (Activepieces) API base URL");
    static final OptionSpec PLATFORM_KEY_ENV = OptionSpec.value("--platform-key-env", "VAR",
            "environment variable holding the platform API key");
    static final OptionSpec READ_ONLY = OptionSpec.flag("--read-only", "offer no action that changes anything");
    static final OptionSpec DEMO = OptionSpec.flag("--demo", "connect to a fresh embedded demo environment");
    static final OptionSpec SCENARIO = OptionSpec.value("--scenario", "NAME",
            "demo scenario: steady (default) or incident (the outage, replayed)");
    static final OptionSpec SEED = OptionSpec.value("--seed", "N", "demo seed: the same seed gives the same world");
    static final OptionSpec SPEED = OptionSpec.value("--speed", "X",
            "demo speed: simulated seconds per real second (default 60: an incident hour per demo minute)");
    static final OptionSpec SCREENSHOT = OptionSpec.value("--screenshot", "FILE",
            "render the console offscreen to a PNG and exit (no display needed)");
    static final OptionSpec VIEW = OptionSpec.value("--view", "NAME",
            "screen to show first: fleet, trust, queues, failed-runs, replays, rollouts, war-room, incident");
    static final OptionSpec THEME = OptionSpec.value("--theme", "NAME", "light, dark or war-room");
    static final OptionSpec SIZE = OptionSpec.value("--size", "WxH", "window size, e.g. 1600x1000");
    static final OptionSpec WAR_ROOM = OptionSpec.flag("--war-room",
            "open the war-room board alone, full screen, in the war-room theme (a shared incident screen)");
    static final OptionSpec ROTATE = OptionSpec.value("--rotate", "DURATION",
            "war room: turn between the board and the latest timeline every DURATION (e.g. 20s)");
    static final OptionSpec FIRST_FRAME = OptionSpec.flag("--exit-after-first-frame",
            "print the milliseconds from JVM start to the first rendered frame and exit (benchmarks)");

    static final List<OptionSpec> ALL = List.of(HELP, VERSION, PROFILE, KUBECONFIG, CONTEXT, NAMESPACE_SELECTOR,
            WORKER_SELECTOR, REDIS, REDIS_PASSWORD_ENV, PLATFORM_URL, PLATFORM_KEY_ENV, READ_ONLY, DEMO, SCENARIO, SEED, SPEED,
            SCREENSHOT,
            VIEW, THEME, SIZE, FIRST_FRAME, WAR_ROOM, ROTATE);

    private GlobalOptions() {
    }
}
