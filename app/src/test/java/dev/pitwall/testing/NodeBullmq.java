package dev.pitwall.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real npm {@code bullmq} (5.x or 6.x), installed once per build into target/, to prove that what Pitwall writes
 * to Redis is what BullMQ's own code reads and processes. Tests are skipped, with the reason, where npm is absent.
 */
public final class NodeBullmq {

    private final Path dir;

    private NodeBullmq(Path dir) {
        this.dir = dir;
    }

    /** bullmq@{@code major} in target/node-bullmq{major}; installs it on first use. */
    public static synchronized NodeBullmq version(int major) throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "node and npm are needed for the real-bullmq tests");
        Path dir = Path.of("target", "node-bullmq" + major).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("node_modules").resolve("bullmq"))) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("package.json"), "{\"name\":\"pitwall-bullmq" + major
                    + "\",\"private\":true}");
            Result r = exec(dir, 600, List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                    "bullmq@" + major, "ioredis@5"));
            if (r.exitCode != 0) {
                throw new IllegalStateException("npm install bullmq@" + major + " failed:\n" + r.output);
            }
        }
        return new NodeBullmq(dir);
    }

    /** Runs {@code script} (CommonJS, may require('bullmq')) with REDIS_URL set; returns its stdout, fails on exit. */
    public String run(String script, String redisUrl) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "script", ".js");
        Files.writeString(file, script);
        try {
            ProcessBuilder pb = new ProcessBuilder("node", file.toString()).directory(dir.toFile());
            pb.environment().put("REDIS_URL", redisUrl);
            Result r = exec(pb, 120);
            if (r.exitCode != 0) {
                throw new AssertionError("node script failed (" + r.exitCode + "):\n" + r.output);
            }
            return r.output;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The installed version, e.g. "5.81.5". */
    public String installedVersion() throws IOException {
        String pkg = Files.readString(dir.resolve("node_modules/bullmq/package.json"));
        var m = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(pkg);
        return m.find() ? m.group(1) : "unknown";
    }

    private record Result(int exitCode, String output) {
    }

    private static Result exec(Path dir, long seconds, List<String> command) throws IOException, InterruptedException {
        return exec(new ProcessBuilder(command).directory(dir.toFile()), seconds);
    }

    private static Result exec(ProcessBuilder pb, long seconds) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + pb.command());
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
