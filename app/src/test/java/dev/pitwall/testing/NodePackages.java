package dev.pitwall.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Installs npm packages for a test into a directory under target/ (once: later runs reuse it) and runs Node scripts
 * there. Tests that need it are skipped, with the reason, only when npm itself is missing.
 */
public final class NodePackages {

    private final Path directory;

    private NodePackages(Path directory) {
        this.directory = directory;
    }

    /** {@code npm install --prefix target/<dir> <packages>} unless {@code marker} is already installed there. */
    public static NodePackages install(String dir, String marker, String... packages)
            throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("npm") && onPath("node"),
                "npm and node are not installed: the real-BullMQ comparison needs them (apt-get install nodejs npm)");
        Path directory = Path.of("target", dir).toAbsolutePath();
        if (!Files.isDirectory(directory.resolve("node_modules").resolve(marker))) {
            List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix", directory.toString(),
                    "--no-audit", "--no-fund", "--loglevel=error"));
            command.addAll(List.of(packages));
            Result r = run(directory.getParent(), command, Map.of(), 300);
            if (r.exitCode() != 0) {
                throw new AssertionError("npm install " + String.join(" ", packages) + " failed:\n" + r.output() + r.errors());
            }
        }
        return new NodePackages(directory);
    }

    /** Copies a script from the test resources into the package directory and runs it with node. */
    public Result runScript(String resource, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        Path script = directory.resolve(Path.of(resource).getFileName().toString());
        try (var in = NodePackages.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + resource);
            }
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        return node(Map.of(), timeoutSeconds, command.toArray(String[]::new));
    }

    /** The directory the packages are installed in (scripts run there, so that require() finds them). */
    public Path directory() {
        return directory;
    }

    /** Runs node with {@code args} in the package directory, with extra environment variables. */
    public Result node(Map<String, String> env, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(args));
        return run(directory, command, env, timeoutSeconds);
    }

    /** Runs a script given as text; fails the test when node exits non-zero. Returns its standard output. */
    public String runInline(String script, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile(directory, "inline-", ".js");
        try {
            Files.writeString(file, script);
            Result r = node(env, timeoutSeconds, file.toString());
            if (r.exitCode() != 0) {
                throw new AssertionError("node script failed (" + r.exitCode() + "):\n" + r.output() + r.errors());
            }
            return r.output();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A finished run: exit code, standard output, standard error. */
    public record Result(int exitCode, String output, String errors) {
    }

    private static Result run(Path dir, List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path err = Files.createTempFile("node-", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
