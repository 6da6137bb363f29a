package dev.pitwall.demo.bullmq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.testing.NodePackages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The real npm bullmq (one major version, pinned in app/src/test/node, see {@link NodePackages}) running compat.js
 * against a test's Redis.
 */
public final class NodeBullMq {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodePackages packages;

    private NodeBullMq(NodePackages packages) {
        this.packages = packages;
    }

    public static NodeBullMq install(int major) throws IOException, InterruptedException {
        NodePackages packages = NodePackages.bullmq(major);
        try (InputStream script = NodeBullMq.class.getResourceAsStream("compat.js")) {
            Files.copy(script, packages.directory().resolve("compat.js"), StandardCopyOption.REPLACE_EXISTING);
        }
        return new NodeBullMq(packages);
    }

    public String version() throws IOException {
        return packages.bullmqVersion();
    }

    /** Runs one phase of compat.js and returns what it printed. */
    public JsonNode run(int redisPort, String phase, String queue, String... jobIds) throws IOException,
            InterruptedException {
        List<String> args = new ArrayList<>(List.of("compat.js", String.valueOf(redisPort), phase, queue));
        args.addAll(List.of(jobIds));
        NodePackages.Result r = packages.node(java.util.Map.of(), 60, args.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new AssertionError("compat.js " + phase + " failed:\n" + r.errors() + r.output());
        }
        return JSON.readTree(r.output());
    }
}
