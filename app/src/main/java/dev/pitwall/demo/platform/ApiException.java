package dev.pitwall.demo.platform;

/** A request the API refuses: the HTTP status, a message for people and an optional machine-readable code. */
final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    ApiException(int status, String message) {
        this(status, message, null);
    }

    ApiException(int status, String message, String code) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
