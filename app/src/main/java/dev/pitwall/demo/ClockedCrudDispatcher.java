package dev.pitwall.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;

import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The CRUD store with the API server's clock made replaceable: the mock stamps creation and deletion times from the
 * wall clock, which would mix real time into a demo world that runs on simulated time. Creation times come from the
 * cluster clock unless the creator sets one (the demo seeds revision histories that predate the simulation).
 *
 * <p>The store calls {@link #processEvent} while it holds its write lock, with the JSON it is about to keep; the
 * request being handled is remembered per thread so that only creations and deletion marks are re-stamped.
 */
final class ClockedCrudDispatcher extends KubernetesCrudDispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ThreadLocal<Stamp> pending = new ThreadLocal<>();
    private final Set<?> watches = watches();
    private volatile Supplier<Instant> clock = Instant::now;

    /** Stops sending changes to a watch that is closing (see {@link OffLoopWatchClose}). */
    void forgetWatch(WebSocketListener watch) {
        watches.remove(watch);
    }

    /**
     * The mock's list of open watches. It is private in the mock, which offers no other way to stop sending to a
     * closing watch before its sender has stopped; a mock that renamed it fails the demo's start with this message.
     */
    private Set<?> watches() {
        try {
            Field field = KubernetesCrudDispatcher.class.getDeclaredField("watchEventListeners");
            field.setAccessible(true);
            return (Set<?>) field.get(this);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this fabric8 mock server keeps its watches elsewhere (" + e
                    + "): adapt ClockedCrudDispatcher.watches()", e);
        }
    }

    void useClock(Supplier<Instant> clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.get();
    }

    @Override
    public MockResponse handleCreate(RecordedRequest request) {
        String requested = requestedCreationTimestamp(request);
        Stamp stamp = new Stamp("creationTimestamp", requested != null ? requested : stamp());
        pending.set(stamp);
        try {
            MockResponse response = super.handleCreate(request);
            if (stamp.json != null && response.code() == 201) {
                response.setBody(stamp.json);
            }
            return response;
        } finally {
            pending.remove();
        }
    }

    @Override
    public MockResponse handleDelete(String path) {
        pending.set(new Stamp("deletionTimestamp", stamp()));
        try {
            return super.handleDelete(path);
        } finally {
            pending.remove();
        }
    }

    @Override
    public void processEvent(String path, AttributeSet oldAttributes, AttributeSet newAttributes,
                             GenericKubernetesResource resource, String newState) {
        Stamp stamp = pending.get();
        String state = newState;
        if (stamp != null && newState != null) {
            state = stamp.apply(newState);
            if (stamp.field.equals("creationTimestamp")) {
                resource.getMetadata().setCreationTimestamp(stamp.value);
            } else {
                resource.getMetadata().setDeletionTimestamp(stamp.value);
            }
        }
        super.processEvent(path, oldAttributes, newAttributes, resource, state);
    }

    private String stamp() {
        return now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String requestedCreationTimestamp(RecordedRequest request) {
        if (request.getBody() == null) {
            return null;
        }
        try {
            // getBytes() leaves the body for the store; the reading accessors would drain it
            JsonNode value = JSON.readTree(request.getBody().getBytes()).path("metadata").path("creationTimestamp");
            return value.isTextual() ? Instant.parse(value.asText()).toString() : null;
        } catch (IOException | RuntimeException e) {
            return null; // the store itself answers malformed bodies with 400
        }
    }

    /** A metadata time to write into the object the current request stores. */
    private static final class Stamp {
        final String field;
        final String value;
        String json;

        Stamp(String field, String value) {
            this.field = field;
            this.value = value;
        }

        String apply(String state) {
            try {
                JsonNode root = JSON.readTree(state);
                JsonNode metadata = root.path("metadata");
                if (metadata instanceof ObjectNode meta && (field.equals("creationTimestamp") || meta.has(field))) {
                    meta.put(field, value);
                    json = JSON.writeValueAsString(root);
                    return json;
                }
                return state;
            } catch (JsonProcessingException e) {
                return state;
            }
        }
    }
}
