package dev.pitwall.demo;

/**
 * One request the mock API server has answered, as its request listeners see it (after the store was changed, before
 * the client gets the response).
 *
 * @param path      the request path with its query string
 * @param userAgent the client's User-Agent header, which tells the cluster simulator's own writes from everyone else's
 */
public record ApiRequest(String method, String path, String userAgent, int status) {

    public boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** The path without its query string. */
    public String resourcePath() {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
