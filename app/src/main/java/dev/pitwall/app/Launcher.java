package dev.pitwall.app;

import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.app.settings.SettingsException;
import dev.pitwall.app.settings.SettingsStore;
import dev.pitwall.cli.Command;
import dev.pitwall.cli.FleetCommand;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.cli.QueuesCommand;
import dev.pitwall.cli.ReplayCommand;
import dev.pitwall.cli.RollbackCommand;
import dev.pitwall.cli.RunsCommand;
import dev.pitwall.cli.StatusCommand;
import dev.pitwall.cli.Terminal;
import dev.pitwall.cli.TrustCommand;
import dev.pitwall.cli.UsageException;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.SecretSource;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.guard.WriteRefused;
import dev.pitwall.ops.replay.ReplayRuns;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The entry point. Not a JavaFX Application, so that JavaFX on the class path starts without a module path, and so
 * that headless commands never touch JavaFX at all.
 */
public final class Launcher {

    /** Returned by {@link #run} when the console window is open and the JVM must keep running. */
    static final int KEEP_RUNNING = -1;
    /** Exit code of a write the guard refused: nothing changed. */
    static final int REFUSED = 3;
    /** Who the audit log records for the commands of this process. */
    private static final String ACTOR = System.getProperty("user.name", "cli");

    private final ConfigDirs dirs;
    private final Backends backends;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    /** The embedded demo's platform key, offered under its variable name next to the real environment. */
    private final Map<String, String> demoSecrets = new ConcurrentHashMap<>();
    private final CountDownLatch demoStop = new CountDownLatch(1);

    Launcher(ConfigDirs dirs, SecretSource secrets, PrintStream out, PrintStream err) {
        this(dirs, secrets, System.in, out, err);
    }

    /** @param in where commands read what the user types (the namespace name confirming a trust fix) */
    Launcher(ConfigDirs dirs, SecretSource secrets, InputStream in, PrintStream out, PrintStream err) {
        this.dirs = dirs;
        SecretSource withDemo = ref -> ref != null && demoSecrets.containsKey(ref)
                ? Optional.of(demoSecrets.get(ref)) : secrets.lookup(ref);
        this.backends = new Backends(withDemo, dirs.state());
        this.in = in;
        this.out = RedactedOutput.wrap(out);
        this.err = RedactedOutput.wrap(err);
    }

    public static void main(String[] args) {
        int code = new Launcher(ConfigDirs.fromEnvironment(), SecretSource.environment(), System.out, System.err)
                .run(args);
        if (code != KEEP_RUNNING) {
            System.exit(code);
        }
    }

    int run(String[] args) {
        try {
            return runRedacted(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int runRedacted(String[] args) {
        Invocation inv;
        try {
            inv = Invocation.parse(args);
        } catch (UsageException e) {
            return usageError(e.getMessage());
        }
        ParsedArgs g = inv.global();
        if (g.has(GlobalOptions.VERSION.name())) {
            out.println("pitwall " + Version.current());
            return 0;
        }
        SessionHolder holder = new SessionHolder(g);
        List<Command> commands = commands(holder::profile, holder::guard, g);
        if (inv.command() == null) {
            if (g.has(GlobalOptions.HELP.name())) {
                out.print(HelpText.program(commands));
                return 0;
            }
            return openConsole(g, holder);
        }
        Optional<Command> command = commands.stream().filter(c -> c.name().equals(inv.command())).findFirst();
        if (command.isEmpty()) {
            return usageError("unknown command: " + inv.command());
        }
        if (g.has(GlobalOptions.HELP.name()) || inv.commandArgs().contains("--help")) {
            out.print(HelpText.command(command.get()));
            return 0;
        }
        try {
            ParsedArgs args2 = ParsedArgs.parse(inv.commandArgs(), command.get().options());
            return command.get().run(args2, out, err);
        } catch (UsageException e) {
            err.println("pitwall " + inv.command() + ": " + e.getMessage());
            err.print(HelpText.command(command.get()));
            return 2;
        } catch (NoProfileException e) {
            err.println("pitwall " + inv.command() + ": " + e.getMessage());
            return 2;
        } catch (WriteRefused e) {
            err.println("pitwall " + inv.command() + ": " + e.getMessage());
            return REFUSED;
        } catch (Exception e) {
            err.println("pitwall " + inv.command() + ": " + e.getMessage());
            return 1;
        } finally {
            holder.close();
        }
    }

    /** One line typed on the terminal, or null at the end of input. */
    private String readLine() {
        try {
            return new java.io.BufferedReader(new java.io.InputStreamReader(in,
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Ends a running `pitwall demo` (tests; in use, the JVM's shutdown does it). */
    void stopDemo() {
        demoStop.countDown();
    }

    private List<Command> commands(Supplier<ConnectionProfile> profile, Supplier<WriteGuard> guard,
                                   ParsedArgs global) {
        Terminal terminal = new Terminal(System.console() != null, this::readLine);
        return List.of(
                new DemoCommand(demoStop, global),
                new StatusCommand(profile, backends.probes()),
                new FleetCommand(profile, backends::fleetSources, Clock.systemUTC()),
                new QueuesCommand(profile, backends::queueBackend, Clock.systemUTC()),
                new RunsCommand(() -> backends.platformRuns(profile.get()), Clock.systemUTC()),
                new ReplayCommand(() -> backends.platformRuns(profile.get()),
                        () -> new ReplayRuns(guard.get(), source -> backends.replayTarget(profile.get(), source)),
                        queue -> backends.failedJobs(profile.get(), queue),
                        () -> backends.waitingDepth(profile.get()),
                        backends.replayFiles(), terminal, Clock.systemUTC()),
                new RollbackCommand(() -> backends.rollbackCluster(profile.get()),
                        // a command's clients live as long as its process
                        () -> backends.heartbeats(profile.get(), client -> { }), guard, backends.auditLog(),
                        backends.rollbackPlans(), terminal, d -> Thread.sleep(d.toMillis()), Clock.systemUTC()),
                new TrustCommand(policy -> TrustSessions.open(profile.get(), policy, backends.secrets(),
                        backends.auditLog(), guard.get(), Clock.systemUTC()), guard, terminal, ACTOR),
                new dev.pitwall.cli.CanaryCommand(() -> CanarySessions.open(profile.get(), backends, guard.get(),
                        Clock.systemUTC(), ACTOR), guard, terminal, d -> Thread.sleep(d.toMillis())),
                new dev.pitwall.cli.IncidentCommand(() -> IncidentSources.headless(profile.get(), backends,
                        Clock.systemUTC()), new dev.pitwall.files.IncidentReportFiles(), backends.incidentReports(),
                        Clock.systemUTC(), java.time.ZoneId.systemDefault()));
    }

    private int openConsole(ParsedArgs g, SessionHolder holder) {
        ConsoleOptions options;
        Supplier<Session> session;
        boolean demo = g.has(GlobalOptions.DEMO.name());
        try {
            options = ConsoleOptions.from(g);
            if (demo) {
                DemoCommand.DemoOptions.from(g); // bad demo options are usage errors before any window opens
                session = holder::sessionForConsole; // started while the window shows that it is starting
            } else {
                Session ready = holder.sessionForConsole();
                session = () -> ready;
            }
        } catch (UsageException e) {
            return usageError(e.getMessage());
        }
        return new ConsoleStarter(session, demo, options, new SettingsStore(dirs.config()),
                new ProfileStore(dirs.config()), backends, out, err).start();
    }

    private int usageError(String message) {
        err.println("pitwall: " + message);
        err.println(HelpText.shortUsage());
        return 2;
    }

    /** No usable profile for a command that needs one. */
    static final class NoProfileException extends RuntimeException {
        NoProfileException(String message) {
            super(message);
        }
    }

    /** Resolves the session lazily, so that --help and --version never connect to anything. */
    private final class SessionHolder {
        private final ParsedArgs global;
        private Session session;
        private WriteGuard guard;

        SessionHolder(ParsedArgs global) {
            this.global = global;
        }

        /** The profile of a command; every secret variable it names must be set before anything is asked. */
        ConnectionProfile profile() {
            Session s = session();
            if (!s.hasProfile()) {
                throw new NoProfileException("no back-end given: use --profile NAME, --demo, or --kubeconfig/"
                        + "--redis/--platform-url");
            }
            List<String> unset = backends.unsetSecrets(s.profile());
            if (!unset.isEmpty()) {
                throw new NoProfileException(String.join("; ", unset) + ": set it, or leave out what names it");
            }
            return s.profile();
        }

        /** The write guard of the session's connection (a command's writes pass it). */
        WriteGuard guard() {
            if (guard == null) {
                profile(); // a guard needs a connection
                guard = WriteGuards.of(session(), backends, new SettingsStore(dirs.config()).load()
                        .productionContexts(), ACTOR, Clock.systemUTC());
            }
            return guard;
        }

        Session session() {
            if (session == null) {
                try {
                    session = openSession(global, false);
                } catch (SettingsException e) {
                    throw new NoProfileException(e.getMessage());
                }
            }
            return session;
        }

        /** The console opens even with a broken profile: the problem is shown in the status bar instead. */
        Session sessionForConsole() {
            try {
                session = openSession(global, true);
            } catch (SettingsException e) {
                session = new Session(null);
                session.note(e.getMessage());
            }
            if (session.hasProfile()) {
                backends.unsetSecrets(session.profile()).forEach(session::note);
            }
            return session;
        }

        void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    private Session openSession(ParsedArgs g, boolean console) throws SettingsException {
        Session found = findSession(g, console);
        // --read-only holds whatever the session connects to: a saved profile, the demo, the last profile
        Session session = g.has(GlobalOptions.READ_ONLY.name()) ? found.readOnlyByFlag() : found;
        backends.useAuditKeyOf(session.profile());
        return session;
    }

    private Session findSession(ParsedArgs g, boolean console) throws SettingsException {
        if (g.has(GlobalOptions.DEMO.name())) {
            Session demo = DemoSessions.start(g, demoSecrets);
            // a new demo world: the alerts of an earlier run would read as this one's
            backends.alertHistory(demo.profile()).clear();
            return demo;
        }
        ProfileStore store = new ProfileStore(dirs.config());
        Optional<ConnectionProfile> explicit = new ProfileResolver(store).resolve(g);
        if (explicit.isPresent()) {
            return new Session(explicit.get());
        }
        if (console) {
            String last = new SettingsStore(dirs.config()).load().lastProfile();
            if (last != null && store.names().contains(last)) {
                return new Session(store.load(last));
            }
        }
        return new Session(null);
    }
}
