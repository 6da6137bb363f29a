package dev.pitwall.demo;

import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Answers each request like fabric8's mixed dispatcher (expectations first, then the CRUD store), with the discovery
 * documents kubectl needs in between, and tells the request listeners about every answered request.
 */
final class ClusterDispatcher extends Dispatcher {

    private static final String GENERIC_LIST = "{\"apiVersion\":\"v1\",\"kind\":\"List\"";

    private final Map<ServerRequest, Queue<ServerResponse>> expectations;
    private final MockDispatcher expected;
    private final ClockedCrudDispatcher store = new ClockedCrudDispatcher();
    private final ApiDiscovery discovery = new ApiDiscovery();
    private final ServerTables tables = new ServerTables(store::now);
    private final List<Consumer<ApiRequest>> listeners = new CopyOnWriteArrayList<>();
    private final AccessReviews accessReviews = new AccessReviews();
    /** Where watches close, off the event loop (see {@link OffLoopWatchClose}); daemon threads, made on demand. */
    private final ExecutorService watchCloser = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "demo-watch-close");
        t.setDaemon(true);
        return t;
    });

    ClusterDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations) {
        this.expectations = expectations;
        this.expected = new MockDispatcher(expectations);
    }

    ClockedCrudDispatcher store() {
        return store;
    }

    AccessReviews accessReviews() {
        return accessReviews;
    }

    void addListener(Consumer<ApiRequest> listener) {
        listeners.add(listener);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = answer(request);
        if (response.getWebSocketListener() != null) {
            response.withWebSocketUpgrade(new OffLoopWatchClose(response.getWebSocketListener(), store::forgetWatch,
                    this::closeWatch));
        }
        if (response.getWebSocketListener() == null && response.header("Content-Type") == null) {
            // without a content type, client-go (kubectl) takes a typed answer for protobuf and fails to read it
            response.setHeader("Content-Type", "application/json");
            if (request.getMethod().equals("GET") && response.code() == 200 && !request.getPath().contains("watch=")) {
                if (ServerTables.wanted(request.getHeader("Accept"))) {
                    asTable(response);
                } else {
                    nameListKind(request, response);
                }
            }
        }
        ApiRequest answered = new ApiRequest(request.getMethod(), request.getPath(),
                request.getHeader("User-Agent"), response.code());
        for (Consumer<ApiRequest> listener : listeners) {
            try {
                listener.accept(answered);
            } catch (RuntimeException e) {
                System.err.println("mock API request listener failed: " + e);
            }
        }
        return response;
    }

    private MockResponse answer(RecordedRequest request) {
        Queue<ServerResponse> queued = expectations.get(
                new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
        if (queued != null && !queued.isEmpty()) {
            return expected.dispatch(request);
        }
        String path = request.getPath();
        int query = path.indexOf('?');
        String resource = query < 0 ? path : path.substring(0, query);
        if (request.getMethod().equals("GET")) {
            Optional<String> document = discovery.document(resource);
            if (document.isPresent()) {
                return json(200, document.get());
            }
            if (discovery.isOpenApi(resource) || discovery.isUnservedSubresource(resource)) {
                return json(404, ApiDiscovery.notFound(resource));
            }
        }
        if (request.getMethod().equals("POST") && resource.equals(AccessReviews.PATH)) {
            return json(201, accessReviews.answer(request.getBody().readUtf8()));
        }
        if (path.contains("dryRun=All") && !request.getMethod().equals("GET")) {
            return dryRun(request, resource);
        }
        return store.dispatch(request);
    }

    /**
     * The mock has no server-side dry run and would store the write: a dry-run create or replace echoes the object,
     * a dry-run patch answers the stored object (404 when there is none), and nothing is stored.
     */
    private MockResponse dryRun(RecordedRequest request, String resource) {
        if (request.getMethod().equals("PATCH") || request.getMethod().equals("DELETE")) {
            return store.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.GET, resource, request.getHeaders(),
                    new io.fabric8.mockwebserver.http.Buffer()));
        }
        return json(request.getMethod().equals("POST") ? 201 : 200, request.getBody().readUtf8());
    }

    private void asTable(MockResponse response) {
        String body = response.getBody().readUtf8();
        tables.render(body).ifPresentOrElse(
                table -> response.setBody(table).setHeader("Content-Type", "application/json;as=Table;v=v1;g=meta.k8s.io"),
                () -> response.setBody(body));
    }

    /** Client-go decodes a typed list only when it says what it is: "v1 List" becomes, say, "apps/v1 ReplicaSetList". */
    private void nameListKind(RecordedRequest request, MockResponse response) {
        String path = request.getPath();
        int query = path.indexOf('?');
        discovery.listKind(query < 0 ? path : path.substring(0, query)).ifPresent(kind -> {
            String body = response.getBody().readUtf8();
            response.setBody(body.startsWith(GENERIC_LIST)
                    ? "{\"apiVersion\":\"" + kind[0] + "\",\"kind\":\"" + kind[1] + "\"" + body.substring(GENERIC_LIST.length())
                    : body);
        });
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** Runs a watch's close off the event loop; once the server is stopping, its watches go down with it. */
    private void closeWatch(Runnable close) {
        try {
            watchCloser.execute(close);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // shutdown() ran: the server's sockets close anyway, and no client is left to answer
        }
    }

    @Override
    public void shutdown() {
        watchCloser.shutdownNow();
        expected.shutdown();
        store.shutdown();
    }
}
