package dev.pitwall.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real npm BullMQ, of the exact versions in the committed {@code app/src/test/node/package.json} and
 * {@code package-lock.json} (5.x and 6.x under the npm aliases {@code bullmq5} and {@code bullmq6}), installed with
 * {@code npm ci} into the ignored {@code target/node} (again only when the lock file changed), and Node scripts
 * run against one of them. Without node and npm these tests fail and say how to install them, unless the run opts
 * out with {@code -Dpitwall.skipNode=true}.
 */
public final class NodePackages {

    /** Where the committed package.json and package-lock.json are. */
    static final Path SOURCE = Path.of("app", "src", "test", "node");
    /** The system property that skips the Node tests instead of failing them where node is missing. */
    public static final String SKIP = "pitwall.skipNode";

    private final Path directory;

    private NodePackages(Path directory) {
        this.directory = directory;
    }

    /**
     * BullMQ of one major version (5 or 6): a directory where {@code require('bullmq')} finds that version, so that
     * the same scripts run against either.
     */
    public static NodePackages bullmq(int major) throws IOException, InterruptedException {
        requireNode(System.getenv("PATH"), Boolean.getBoolean(SKIP));
        Path root = installed();
        Path directory = root.resolve("bullmq" + major);
        Path link = directory.resolve("node_modules").resolve("bullmq");
        if (!Files.isDirectory(root.resolve("node_modules").resolve("bullmq" + major))) {
            throw new IllegalStateException("bullmq" + major + " is not in " + SOURCE.resolve("package.json"));
        }
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(link.getParent());
            try {
                Files.createSymbolicLink(link, Path.of("..", "..", "node_modules", "bullmq" + major));
            } catch (java.nio.file.FileAlreadyExistsException madeByAnotherTest) {
                // the same link, made meanwhile by another fork
            }
        }
        return new NodePackages(directory);
    }

    /**
     * Fails (or, with {@code -Dpitwall.skipNode=true}, skips) a test that needs node and npm where they are not on
     * {@code path}.
     */
    static void requireNode(String path, boolean skip) {
        List<String> missing = Arrays.stream(new String[]{"node", "npm"}).filter(p -> !onPath(path, p)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String what = String.join(" and ", missing) + " not found on the PATH: the BullMQ compatibility tests run the"
                + " real npm bullmq";
        Assumptions.assumeFalse(skip, what + "; skipped (-D" + SKIP + "=true)");
        throw new AssertionError(what + ". Install Node.js 18 or newer with npm (Debian/Ubuntu: apt-get install"
                + " nodejs npm; elsewhere: https://nodejs.org/en/download), or run without them with -D" + SKIP
                + "=true");
    }

    /**
     * {@code npm ci} into target/node unless the committed lock file is already installed there; a file lock keeps
     * test forks from installing at the same time.
     */
    private static synchronized Path installed() throws IOException, InterruptedException {
        Path root = Path.of("target", "node").toAbsolutePath();
        Files.createDirectories(root);
        byte[] lock = Files.readAllBytes(SOURCE.resolve("package-lock.json"));
        try (FileChannel channel = FileChannel.open(root.resolve(".install-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            Path installedLock = root.resolve("package-lock.json");
            boolean current = Files.exists(installedLock) && Arrays.equals(lock, Files.readAllBytes(installedLock))
                    && Files.isDirectory(root.resolve("node_modules"));
            if (!current) {
                Files.deleteIfExists(installedLock); // a cut install is redone by the next run
                Files.copy(SOURCE.resolve("package.json"), root.resolve("package.json"),
                        StandardCopyOption.REPLACE_EXISTING);
                Path copy = root.resolve("package-lock.json.new");
                Files.write(copy, lock);
                Files.move(copy, installedLock, StandardCopyOption.REPLACE_EXISTING);
                Result r = run(root, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(),
                        300);
                if (r.exitCode() != 0) {
                    Files.deleteIfExists(installedLock);
                    throw new AssertionError("npm ci in " + root + " failed:\n" + r.output() + r.errors());
                }
            }
        }
        return root;
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

    /** The directory the scripts run in (their require('bullmq') finds this major version). */
    public Path directory() {
        return directory;
    }

    /** The BullMQ version installed here, as its package.json says. */
    public String bullmqVersion() throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(directory.resolve("node_modules")
                .resolve("bullmq").resolve("package.json").toFile()).path("version").asText();
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

    private static boolean onPath(String path, String program) {
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
