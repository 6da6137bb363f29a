package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform HTTP API on a free loopback port: every path but health needs the bearer API key. Refused requests get
 * a JSON body {statusCode, error, message[, code]}; nothing a client sends produces a 500.
 */
final class PlatformApi implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    @FunctionalInterface
    private interface Handler {
        JsonNode handle(ApiRequest request, Matcher path);
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final byte[] bearer;
    private final List<Route> routes;

    private PlatformApi(HttpServer server, ExecutorService threads, String apiKey, PlatformSimulator platform) {
        this.server = server;
        this.threads = threads;
        this.bearer = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        FlowRunRoutes runs = new FlowRunRoutes(platform);
        WorkerRoutes workers = new WorkerRoutes(platform);
        this.routes = List.of(
                route("GET", "/api/v1/health", (r, m) -> FlowJobs.JSON.createObjectNode().put("status", "ok")),
                // the app's public flags; CURRENT_VERSION is the version every worker must report
                route("GET", "/api/v1/flags", (r, m) -> FlowJobs.JSON.createObjectNode()
                        .put("CURRENT_VERSION", dev.pitwall.demo.world.ImageBehaviour.STABLE_TAG)),
                route("GET", "/api/v1/flow-runs", (r, m) -> runs.list(r)),
                route("GET", "/api/v1/flow-runs/count-by-status", (r, m) -> runs.countByStatus(r)),
                route("POST", "/api/v1/flow-runs/retry", (r, m) -> runs.retryBulk(r)),
                route("GET", "/api/v1/flow-runs/([^/]+)", (r, m) -> runs.get(m.group(1))),
                route("POST", "/api/v1/flow-runs/([^/]+)/retry", (r, m) -> runs.retryOne(m.group(1), r)),
                route("POST", "/api/v1/webhooks/([^/]+)", (r, m) -> runs.trigger(m.group(1))),
                route("GET", "/api/v1/worker-machines", (r, m) -> workers.list()),
                route("GET", "/api/v1/worker-machines/queue-metrics", (r, m) -> workers.queueMetrics()));
    }

    private static Route route(String method, String path, Handler handler) {
        return new Route(method, Pattern.compile(path), handler);
    }

    static PlatformApi start(PlatformSimulator platform, String apiKey) {
        // Without TCP_NODELAY every small response waits ~40 ms for the client's delayed ACK (Nagle). The JDK server
        // reads this property once, when its first instance is configured.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the platform API on loopback", e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "platform-api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        PlatformApi api = new PlatformApi(server, threads, apiKey, platform);
        server.createContext("/", api::exchange);
        server.setExecutor(threads);
        server.start();
        return api;
    }

    URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            JsonNode body;
            try {
                body = dispatch(exchange);
            } catch (ApiException e) {
                status = e.status();
                body = error(e.status(), e.getMessage(), e.code());
            } catch (RuntimeException e) {
                status = 500;
                body = error(500, "the simulated platform failed: " + e, null);
            }
            byte[] bytes = FlowJobs.JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private JsonNode dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(exchange.getRequestMethod())) {
                continue;
            }
            if (!route.path().pattern().equals("/api/v1/health")) {
                authorize(exchange);
            }
            ApiRequest request = new ApiRequest(exchange.getRequestURI().getRawQuery(), body(exchange));
            return route.handler().handle(request, m);
        }
        if (pathKnown) {
            throw new ApiException(405, exchange.getRequestMethod() + " is not allowed on " + path);
        }
        throw new ApiException(404, "no route " + exchange.getRequestMethod() + " " + path);
    }

    private void authorize(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            throw new ApiException(401, "missing Authorization: Bearer <API key>");
        }
        if (!MessageDigest.isEqual(bearer, header.trim().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "invalid API key");
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private static ObjectNode error(int status, String message, String code) {
        ObjectNode json = FlowJobs.JSON.createObjectNode();
        json.put("statusCode", status);
        json.put("error", reason(status));
        json.put("message", message);
        if (code != null) {
            json.put("code", code);
        }
        return json;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            default -> "Internal Server Error";
        };
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
