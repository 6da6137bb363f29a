package dev.pitwall.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Linux installer: size of the .deb, and start to first frame of the app-image the .deb is made of (jlink runtime
 * with class-data-sharing archives) against {@code java -jar target/pitwall.jar}, median of 5 alternating starts.
 * With a display (or xvfb-run) it reads the app's own "first frame after N ms" (from JVM start); without either it
 * times a headless --screenshot from process start to exit. Needs {@code mvn -Pinstaller -DskipTests package} first.
 */
@Tag("bench")
class InstallerBench {

    private static final int RUNS = 5;
    private static final Pattern FIRST_FRAME = Pattern.compile("first frame after (\\d+) ms");

    @TempDir
    Path tmp;

    @Test
    void debSizeAndStartToFirstFrame() throws Exception {
        Path target = Path.of(System.getProperty("pitwall.jar", "target/pitwall.jar")).toAbsolutePath().getParent();
        Path installer = target.resolve("installer");
        Path launcher = installer.resolve("pitwall/bin/pitwall");
        Path deb = findDeb(installer);
        if (deb == null || !Files.isExecutable(launcher)) {
            System.out.println("BENCH installer: skipped, no .deb and app-image in " + installer
                    + " (build them with mvn -Pinstaller -DskipTests package)");
            Assumptions.abort("installer not built");
        }
        System.out.printf("BENCH deb size: %.1f MB (target under 60 MB)%n", Files.size(deb) / 1e6);

        List<String> installed = List.of(launcher.toString());
        List<String> plainJar = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                target.resolve("pitwall.jar").toString());
        Display display = Display.find();
        long[] app = new long[RUNS];
        long[] jar = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            app[i] = startMillis(display, installed);
            jar[i] = startMillis(display, plainJar);
        }
        long appMedian = median(app);
        long jarMedian = median(jar);
        System.out.printf("BENCH %s (installed, CDS): %d ms; java -jar: %d ms; ratio %.2f%n", display.measure(),
                appMedian, jarMedian, (double) appMedian / jarMedian);
    }

    private long startMillis(Display display, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(display.prefix());
        full.addAll(command);
        full.addAll(display.arguments(tmp.resolve("console.png")));
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        pb.environment().put("PITWALL_CONFIG_DIR", tmp.resolve("config").toString());
        pb.environment().put("PITWALL_STATE_DIR", tmp.resolve("state").toString());
        long started = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("no exit within 120 s: " + full);
        }
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (p.exitValue() != 0) {
            throw new AssertionError("exit " + p.exitValue() + " from " + full + ":\n" + output);
        }
        if (display == Display.HEADLESS) {
            return wall;
        }
        Matcher m = FIRST_FRAME.matcher(output);
        if (!m.find()) {
            throw new AssertionError("no first frame reported by " + full + ":\n" + output);
        }
        return Long.parseLong(m.group(1));
    }

    private static Path findDeb(Path installer) throws IOException {
        if (!Files.isDirectory(installer)) {
            return null;
        }
        try (Stream<Path> files = Files.list(installer)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst().orElse(null);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Where the console is shown: the desktop's display, a virtual one from xvfb-run, or none (screenshot mode). */
    private enum Display {
        SCREEN, XVFB, HEADLESS;

        static Display find() {
            if (System.getenv("DISPLAY") != null) {
                return SCREEN;
            }
            boolean xvfb = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, "xvfb-run")));
            return xvfb ? XVFB : HEADLESS;
        }

        List<String> prefix() {
            return this == XVFB ? List.of("xvfb-run", "-a") : List.of();
        }

        List<String> arguments(Path screenshot) {
            return this == HEADLESS ? List.of("--screenshot", screenshot.toString())
                    : List.of("--exit-after-first-frame");
        }

        String measure() {
            return this == HEADLESS ? "start to headless screenshot written" : "start to first frame";
        }
    }
}
