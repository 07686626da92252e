package org.arbiter.server;

/** A request the server refuses, with the HTTP status that says why; nothing was changed. */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String reason) {
        return new ApiException(400, reason);
    }

    public static ApiException forbidden(String reason) {
        return new ApiException(403, reason);
    }

    public static ApiException conflict(String reason) {
        return new ApiException(409, reason);
    }
}
