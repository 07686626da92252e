package org.arbiter.sync;

/** Why a sync attempt failed; {@link Kind} tells the caller whether retrying can help. */
public final class SyncException extends RuntimeException {
    public enum Kind {
        /** No answer: network down, server stopped, connection reset. Retrying later can help. */
        UNREACHABLE,
        /** 401: the token is unknown or revoked. Retrying cannot help until the user logs in again. */
        UNAUTHORIZED,
        /** The server refused the request (400/403/409/413): a bug or a conflict, not a network problem. */
        REFUSED,
        /** No server or token set up on this machine. */
        NOT_LOGGED_IN
    }

    private final Kind kind;

    public SyncException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public SyncException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.UNREACHABLE;
    }
}
