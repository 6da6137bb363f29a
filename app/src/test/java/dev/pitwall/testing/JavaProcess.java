package dev.pitwall.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Pitwall's main class (or another main class of the test class path) in a separate JVM: for JavaFX start-up, exit
 * codes, and several processes sharing files.
 */
public final class JavaProcess {

    public record Result(int exitCode, String output) {
    }

    private JavaProcess() {
    }

    /**
     * Runs Pitwall with {@code args}. Its config and state folders are temporary ones unless {@code env} names them
     * (PITWALL_CONFIG_DIR, PITWALL_STATE_DIR): a test never reads or writes the user's own.
     */
    public static Result run(Map<String, String> env, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("pitwall-run-");
        try {
            Map<String, String> all = new HashMap<>();
            all.put("PITWALL_CONFIG_DIR", scratch.resolve("config").toString());
            all.put("PITWALL_STATE_DIR", scratch.resolve("state").toString());
            all.putAll(env);
            return runIn(all, timeoutSeconds, args);
        } finally {
            try (Stream<Path> paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Result runIn(Map<String, String> env, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        Process p = start(env, "dev.pitwall.app.Launcher", args);
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("pitwall did not exit within " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Starts {@code mainClass} of the test class path in its own JVM, stderr merged into stdout. */
    public static Process start(Map<String, String> env, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }
}
