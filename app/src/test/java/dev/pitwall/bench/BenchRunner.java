package dev.pitwall.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shared helpers of the benchmarks: the packaged jar, running it, medians, and the BENCH line format. */
public final class BenchRunner {

    private BenchRunner() {
    }

    /** target/pitwall.jar as built by the package phase (mvn -Pbench packages before it runs the benchmarks). */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("pitwall.jar", "target/pitwall.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the benchmarks with mvn -Pbench");
        }
        return jar;
    }

    /** Runs {@code java -jar pitwall.jar args} and returns its output; fails on a non-zero exit. */
    public static String runJar(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toString()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("pitwall " + String.join(" ", args) + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("pitwall " + String.join(" ", args) + " exited " + p.exitValue()
                    + ":\n" + text);
        }
        return text;
    }

    public static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    public static void print(String name, String figure) {
        System.out.println("BENCH " + name + ": " + figure);
    }
}
