package org.arbiter.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy between client and server that, at random, delays data, resets connections before
 * they carry anything, and cuts them in the middle of a request or of a response (forwarding a random
 * prefix of the chunk in flight, then RST on both sides).
 */
final class FaultyProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final Random random;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicInteger requestCuts = new AtomicInteger();
    final AtomicInteger responseCuts = new AtomicInteger();
    final AtomicInteger delays = new AtomicInteger();
    volatile double faultRate;
    /** Armed by a test: the next push's response is lost after the server has handled it. */
    final AtomicBoolean cutNextPushResponse = new AtomicBoolean();
    private volatile boolean closed;

    FaultyProxy(int upstreamPort, long seed, double faultRate) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.random = new Random(seed);
        this.faultRate = faultRate;
        Thread t = new Thread(this::accept, "faulty-proxy");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    int faults() {
        return resets.get() + requestCuts.get() + responseCuts.get();
    }

    private synchronized double roll() {
        return random.nextDouble();
    }

    private synchronized int below(int n) {
        return n <= 0 ? 0 : random.nextInt(n);
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            try {
                if (roll() < faultRate / 4) {
                    resets.incrementAndGet();
                    reset(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(client);
                open.add(server);
                AtomicBoolean pushSeen = new AtomicBoolean();
                pump(client, server, true, pushSeen);
                pump(server, client, false, pushSeen);
            } catch (IOException e) {
                reset(client);
            }
        }
    }

    private void pump(Socket from, Socket to, boolean request, AtomicBoolean pushSeen) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (request && cutNextPushResponse.get()
                            && new String(buf, 0, Math.min(n, 40), StandardCharsets.ISO_8859_1).startsWith("POST /api/judgments")) {
                        pushSeen.set(true);
                    }
                    if (!request && pushSeen.get() && cutNextPushResponse.compareAndSet(true, false)) {
                        // the server has committed the push; its receipt never arrives
                        responseCuts.incrementAndGet();
                        reset(from);
                        reset(to);
                        return;
                    }
                    double r = roll();
                    if (r < faultRate / 8) {
                        // cut in the middle: part of this chunk goes through, then both sides are reset
                        out.write(buf, 0, below(n));
                        out.flush();
                        (request ? requestCuts : responseCuts).incrementAndGet();
                        reset(from);
                        reset(to);
                        return;
                    }
                    if (r < faultRate / 4) {
                        delays.incrementAndGet();
                        Thread.sleep(5 + below(60));
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
                // orderly end of one side: pass the half-close on
                to.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                reset(from);
                reset(to);
            }
        }, request ? "proxy-up" : "proxy-down");
        t.setDaemon(true);
        t.start();
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (SocketException ignored) {
            // already closed
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket s : open) reset(s);
    }
}
