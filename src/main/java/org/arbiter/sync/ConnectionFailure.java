package org.arbiter.sync;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * What went wrong on the way to the server, in the annotator's terms. The HTTP client's own exceptions say
 * "java.net.ConnectException" or nothing at all ({@code getMessage()} is often null), which tells a user
 * neither what happened nor what to do; the cause chain does, and is read here once for every caller.
 */
final class ConnectionFailure {
    private ConnectionFailure() {
    }

    /** A retryable {@link SyncException} whose message names the server, what happened, and what helps. */
    static SyncException of(URI server, Duration requestTimeout, Throwable failure) {
        if (failure instanceof SyncException s) return s;
        return new SyncException(SyncException.Kind.UNREACHABLE, describe(server, requestTimeout, failure), failure);
    }

    static String describe(URI server, Duration requestTimeout, Throwable failure) {
        String at = server.getHost() + (server.getPort() < 0 ? "" : ":" + server.getPort());
        // The most specific cause decides; HttpClient wraps the socket's exception one or two levels deep.
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return "cannot reach the server " + server + ": the connection timed out (no answer from " + at
                    + "); check the address and the network";
        }
        if (find(failure, HttpTimeoutException.class) != null) {
            return "the server " + server + " did not answer within " + seconds(requestTimeout) + " (timed out); nothing is lost, "
                    + "the next sync sends it again";
        }
        if (find(failure, UnresolvedAddressException.class) != null || find(failure, UnknownHostException.class) != null) {
            return "cannot reach the server " + server + ": the host name " + server.getHost() + " is unknown; check the address";
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return "cannot reach the server " + server + ": no network route to " + at + "; check the network";
        }
        if (find(failure, ConnectException.class) != null) {
            return "cannot reach the server " + server + ": nothing is listening at " + at
                    + " (connection refused); is arbiter serve running there, and is the address right?";
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) return "TLS failure with the server " + server + ": " + tlsReason(tls);
        if (find(failure, InterruptedException.class) != null) return "sync with the server " + server + " was interrupted";
        if (find(failure, EOFException.class) != null || mentions(failure, "header parser received no bytes")) {
            return "the server " + server + " closed the connection without an answer"
                    + ("http".equals(server.getScheme()) ? " (if the lab serves HTTPS, the address must start with https://)" : "");
        }
        if (mentions(failure, "reset")) return "the connection to the server " + server + " was reset before it answered; nothing is lost";
        return "the connection to the server " + server + " failed before it answered; nothing is lost";
    }

    private static String tlsReason(SSLException e) {
        if (find(e, CertPathBuilderException.class) != null || mentions(e, "PKIX")) {
            return "its certificate is not trusted by this machine; if the lab uses a self-signed certificate, log in with "
                    + "--trust-cert FILE (the lab's certificate)";
        }
        if (mentions(e, "subject alternative") || mentions(e, "No name matching")) {
            return "its certificate is for another host name than the one in the address";
        }
        if (find(e, CertificateException.class) != null) return "its certificate was refused (expired or invalid)";
        if (mentions(e, "unrecognized SSL message") || mentions(e, "plaintext")) {
            return "it does not speak HTTPS at that address (try http://, or ask the lab for the right address)";
        }
        if (e instanceof SSLHandshakeException) return "the secure connection could not be set up (handshake refused)";
        return "the secure connection failed";
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }

    private static boolean mentions(Throwable t, String text) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
