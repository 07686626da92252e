package org.arbiter.cli;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whether tokens and judgments would cross a network unencrypted, and the warning that says so: for
 * {@code arbiter serve} without TLS on an address other machines can reach, and for {@code arbiter login} to an
 * {@code http://} server that is not this machine. Loopback traffic never leaves the machine, so it is not warned
 * about.
 */
final class PlainHttpWarning {
    private PlainHttpWarning() {
    }

    /** For {@code serve}: empty when it serves HTTPS or listens on loopback only. */
    static Optional<String> forServer(String host, boolean tls) {
        if (tls || isLoopback(host)) return Optional.empty();
        String where = isAnyAddress(host) ? "on every network interface (" + host + ")" : "on " + host;
        return Optional.of("warning: serving plain HTTP " + where + ": annotators' tokens and judgments cross the network unencrypted, "
                + "readable by anyone on the way. To serve HTTPS: arbiter serve --tls-keystore FILE --tls-password-file FILE "
                + "(README: HTTPS on a lab network); to serve this machine only: --host 127.0.0.1.");
    }

    /** For {@code login}: empty for {@code https://} and for a server on this machine. */
    static Optional<String> forClient(URI server) {
        if (!"http".equalsIgnoreCase(server.getScheme()) || isLoopback(server.getHost())) return Optional.empty();
        return Optional.of("warning: " + server + " is plain HTTP and not a loopback address: your token (and every judgment) "
                + "travels unencrypted and can be read on the network. Ask the lab for an https:// address (arbiter serve --tls-keystore).");
    }

    /** True when every address the name stands for is a loopback address; an unknown name is not. */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) return false;
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) return true;
        try {
            InetAddress[] all = InetAddress.getAllByName(h);
            for (InetAddress a : all) if (!a.isLoopbackAddress()) return false;
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isAnyAddress(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
