package dev.pitwall.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway redis-server on a free loopback port, for the demo environment and for tests. The binary comes from
 * $REDIS_SERVER, else redis-server on the PATH, else the Redis 7 binary inside the embedded-redis jar. Nothing is
 * persisted; the working directory is a temp directory removed on close; the process is stopped by its PID.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final String EMBEDDED = "/redis-server-7.0.15-linux-amd64";

    private final Process process;
    private final Path workDir;
    private final int port;

    /** Stops the server if the JVM ends before close() (Ctrl+C during start-up, a killed test run). */
    private final Thread exitHook;

    private RedisServerProcess(Process process, Path workDir, int port) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.exitHook = new Thread(this::stop, "redis-" + port + "-stop");
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    public static RedisServerProcess start() {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return start(freePort());
            } catch (IllegalStateException e) {
                last = e; // the port was taken between probing and binding: try another
            }
        }
        throw last;
    }

    public static RedisServerProcess start(int port) {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("pitwall-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path binary = binary(workDir);
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--dir", workDir.toString(), "--loglevel", "notice", "--protected-mode", "yes"));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            deleteTree(workDir);
            throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
        }
        RedisServerProcess server = new RedisServerProcess(process, workDir, port);
        server.awaitReady();
        return server;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Reads the server's log until it says it accepts connections, or fails with what it said instead. */
    private void awaitReady() {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!ready.isDone()) {
                        log.append(line).append('\n');
                        if (line.contains("Ready to accept connections")) {
                            ready.complete(true);
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended; handled below
            }
            ready.complete(false);
        }, "redis-" + port + "-log");
        reader.setDaemon(true);
        reader.start();
        boolean ok;
        try {
            ok = ready.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            ok = false;
        }
        if (!ok) {
            close();
            throw new IllegalStateException("redis-server did not start on port " + port + ":\n" + log);
        }
    }

    private static Path binary(Path workDir) {
        String env = System.getenv("REDIS_SERVER");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        try (InputStream in = RedisServerProcess.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IllegalStateException("no redis-server: set REDIS_SERVER, install redis-server, "
                        + "or keep embedded-redis on the class path");
            }
            Path target = workDir.resolve("redis-server");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            if (!target.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + target + " executable");
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the server
        }
        stop();
    }

    private void stop() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(workDir);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory left behind is reported by nobody and harms nothing
        }
    }

    @Override
    public String toString() {
        return "redis-server pid " + pid() + " on " + url();
    }
}
