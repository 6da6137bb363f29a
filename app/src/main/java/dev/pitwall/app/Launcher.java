package dev.pitwall.app;

import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.app.settings.SettingsException;
import dev.pitwall.app.settings.SettingsStore;
import dev.pitwall.cli.Command;
import dev.pitwall.cli.FleetCommand;
import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.cli.StatusCommand;
import dev.pitwall.cli.UsageException;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.SecretSource;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The entry point. Not a JavaFX Application, so that JavaFX on the class path starts without a module path, and so
 * that headless commands never touch JavaFX at all.
 */
public final class Launcher {

    /** Returned by {@link #run} when the console window is open and the JVM must keep running. */
    static final int KEEP_RUNNING = -1;

    private final ConfigDirs dirs;
    private final Backends backends;
    private final PrintStream out;
    private final PrintStream err;

    Launcher(ConfigDirs dirs, SecretSource secrets, PrintStream out, PrintStream err) {
        this.dirs = dirs;
        this.backends = new Backends(secrets);
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new Launcher(ConfigDirs.fromEnvironment(), SecretSource.environment(), System.out, System.err)
                .run(args);
        if (code != KEEP_RUNNING) {
            System.exit(code);
        }
    }

    int run(String[] args) {
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
        List<Command> commands = commands(holder::profile);
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
        } catch (Exception e) {
            err.println("pitwall " + inv.command() + ": " + e.getMessage());
            return 1;
        } finally {
            holder.close();
        }
    }

    private List<Command> commands(Supplier<ConnectionProfile> profile) {
        return List.of(new StatusCommand(profile, backends.probes()),
                new FleetCommand(profile, backends::fleetSources, java.time.Clock.systemUTC()));
    }

    private int openConsole(ParsedArgs g, SessionHolder holder) {
        ConsoleOptions options;
        Session session;
        try {
            options = ConsoleOptions.from(g);
            session = holder.sessionForConsole();
        } catch (UsageException e) {
            return usageError(e.getMessage());
        }
        return new ConsoleStarter(session, options, new SettingsStore(dirs.config()), new ProfileStore(dirs.config()),
                backends, out, err).start();
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

        SessionHolder(ParsedArgs global) {
            this.global = global;
        }

        ConnectionProfile profile() {
            Session s = session();
            if (!s.hasProfile()) {
                throw new NoProfileException("no back-end given: use --profile NAME, --demo, or --kubeconfig/"
                        + "--redis/--platform-url");
            }
            return s.profile();
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
            return session;
        }

        void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    private Session openSession(ParsedArgs g, boolean console) throws SettingsException {
        if (g.has(GlobalOptions.DEMO.name())) {
            return DemoSessions.start(g);
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
