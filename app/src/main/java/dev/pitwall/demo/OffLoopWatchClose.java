package dev.pitwall.demo;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A watch's WebSocket listener whose close and failure callbacks run off the mock server's event loop.
 *
 * <p>Why: fabric8's mock (7.9.0) answers a watch's close by waiting, on the server's only event loop, for up to a
 * minute until the watch's sender thread has stopped; that thread may itself be waiting (up to 30 s) for a write that
 * only the event loop can finish. Each time a client closes a watch while events flow, the whole API server stops
 * answering for half a minute or more: an informer starting then never syncs, and the demo console freezes. Run
 * off the loop, the wait finds the writes failing fast on the closed socket and ends at once. The watch first leaves
 * the store's list of watches, on the loop: a change handled while its sender stops would otherwise be handed to a
 * stopped sender, and the mock would drop that change's answer.
 */
final class OffLoopWatchClose extends WebSocketListener {

    private final WebSocketListener watch;
    private final Consumer<WebSocketListener> leave;
    private final Executor closer;

    /**
     * @param leave takes the watch off the list of watches the store sends changes to
     */
    OffLoopWatchClose(WebSocketListener watch, Consumer<WebSocketListener> leave, Executor closer) {
        this.watch = watch;
        this.leave = leave;
        this.closer = closer;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
        watch.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        watch.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        watch.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        watch.onMessage(webSocket, bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
        watch.onMessage(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        watch.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        leave.accept(watch);
        closer.execute(() -> watch.onClosed(webSocket, code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        leave.accept(watch);
        closer.execute(() -> watch.onFailure(webSocket, error, response));
    }
}
