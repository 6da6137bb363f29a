package dev.pitwall.demo.bullmq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real npm bullmq (one major version) installed under target/, running compat.js against a test's Redis. The
 * install is kept between runs; tests are skipped only where npm is missing.
 */
public final class NodeBullMq {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private NodeBullMq(Path dir) {
        this.dir = dir;
    }

    public static NodeBullMq install(int major) throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("npm") && onPath("node"),
                "npm and node are not on the PATH: the compatibility test with the real bullmq cannot run");
        Path dir = Path.of("target", "node-bullmq-" + major).toAbsolutePath();
        // bullmq 6 no longer brings ioredis along: it is an optional peer that must be installed next to it.
        List<String> packages = major >= 6 ? List.of("bullmq@" + major, "ioredis@5") : List.of("bullmq@" + major);
        if (!Files.exists(dir.resolve("node_modules/bullmq/package.json"))
                || (major >= 6 && !Files.exists(dir.resolve("node_modules/ioredis/package.json")))) {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix", dir.toString(),
                    "--no-audit", "--no-fund", "--loglevel=error"));
            command.addAll(packages);
            Result r = run(command, dir, 300);
            if (r.exitCode != 0) {
                throw new AssertionError("npm install " + packages + " failed:\n" + r.stderr + r.stdout);
            }
        }
        try (InputStream script = NodeBullMq.class.getResourceAsStream("compat.js")) {
            Files.copy(script, dir.resolve("compat.js"), StandardCopyOption.REPLACE_EXISTING);
        }
        return new NodeBullMq(dir);
    }

    public String version() throws IOException {
        return JSON.readTree(dir.resolve("node_modules/bullmq/package.json").toFile()).path("version").asText();
    }

    /** Runs one phase of compat.js and returns what it printed. */
    public JsonNode run(int redisPort, String phase, String queue, String... jobIds) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "compat.js", String.valueOf(redisPort), phase, queue));
        command.addAll(List.of(jobIds));
        Result r = run(command, dir, 60);
        if (r.exitCode != 0) {
            throw new AssertionError("compat.js " + phase + " failed:\n" + r.stderr + r.stdout);
        }
        return JSON.readTree(r.stdout);
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> command, Path dir, long timeoutSeconds) throws IOException,
            InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
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
