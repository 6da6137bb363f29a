package dev.pitwall.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.ops.trust.Heartbeat;
import dev.pitwall.ops.trust.HeartbeatSource;
import dev.pitwall.ops.trust.TrustBackendException;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The execution mode each worker reports in its heartbeat: the Redis hash {@code workerMachines} (field = worker id,
 * value = MachineInformation JSON with {@code ip}, {@code workerProps.EXECUTION_MODE} and {@code updatedAt}), read
 * with HSCAN so that a large fleet never blocks Redis. Entries that are not JSON or lack workerProps are kept, with
 * their problem, never dropped silently.
 */
public final class HeartbeatModes implements HeartbeatSource {

    static final String KEY = "workerMachines";
    private static final int SCAN_COUNT = 500;

    private final RedisClient redis;
    private final String where;
    private final ObjectMapper json = new ObjectMapper();

    /** @param where the server, for messages (never with a password) */
    public HeartbeatModes(RedisClient redis, String where) {
        this.redis = redis;
        this.where = where;
    }

    @Override
    public List<Heartbeat> heartbeats() {
        List<Heartbeat> out = new ArrayList<>();
        try {
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams params = new ScanParams().count(SCAN_COUNT);
            do {
                ScanResult<Map.Entry<String, String>> page = redis.hscan(KEY, cursor, params);
                page.getResult().forEach(e -> out.add(read(e.getKey(), e.getValue())));
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        } catch (JedisException e) {
            throw new TrustBackendException("Redis at " + where + " could not read the heartbeats (" + KEY + "): "
                    + e.getMessage(), e);
        }
        return out;
    }

    Heartbeat read(String workerId, String value) {
        JsonNode info;
        try {
            info = json.readTree(value);
        } catch (IOException e) {
            return new Heartbeat(workerId, null, null, null, "heartbeat is not JSON");
        }
        if (info == null || !info.isObject()) {
            return new Heartbeat(workerId, null, null, null, "heartbeat is not a JSON object");
        }
        String ip = text(info, "ip");
        Instant updated = instant(text(info, "updatedAt"));
        JsonNode props = info.get("workerProps");
        if (props == null || !props.isObject()) {
            return new Heartbeat(workerId, ip, updated, null, "heartbeat has no workerProps");
        }
        String mode = text(props, "EXECUTION_MODE");
        return new Heartbeat(workerId, ip, updated, mode,
                mode == null ? "heartbeat's workerProps has no EXECUTION_MODE" : null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** ISO-8601, or epoch milliseconds; null when neither (the heartbeat's age is then unknown). */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text))
                    : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
