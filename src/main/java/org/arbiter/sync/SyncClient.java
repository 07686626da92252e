package org.arbiter.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.net.ssl.SSLContext;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.wire.ApiPaths;
import org.arbiter.wire.PushReceipt;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;

import tools.jackson.databind.JsonNode;

/** The HTTP side of sync. The token travels only in the Authorization header and is never put in a message. */
public final class SyncClient {
    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Duration requestTimeout;

    public SyncClient(String serverUrl, String token) {
        this(serverUrl, token, null, Duration.ofSeconds(60));
    }

    /** @param ssl trust for a lab's self-signed certificate; null uses the JVM's default trust store */
    public SyncClient(String serverUrl, String token, SSLContext ssl, Duration requestTimeout) {
        this.base = URI.create(serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl);
        if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
            throw new IllegalArgumentException("server URL must start with http:// or https://, found " + serverUrl);
        }
        this.token = token;
        this.requestTimeout = requestTimeout;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
        if (ssl != null) b.sslContext(ssl);
        this.http = b.build();
    }

    /**
     * Trust exactly the given PEM certificate(s): a lab's self-signed server certificate, exported with
     * {@code keytool -exportcert -rfc}.
     */
    public static SSLContext trusting(String pem) {
        try {
            java.security.cert.CertificateFactory cf = java.security.cert.CertificateFactory.getInstance("X.509");
            java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            ks.load(null, null);
            int n = 0;
            for (java.security.cert.Certificate cert : cf.generateCertificates(
                    new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                ks.setCertificateEntry("lab-" + n++, cert);
            }
            if (n == 0) throw new IllegalArgumentException("no certificate found in the trusted certificate file");
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot read the trusted certificate: " + e.getMessage(), e);
        }
    }

    public String server() {
        return base.toString();
    }

    /** The annotator the token belongs to. */
    public String whoAmI() {
        return send(get(ApiPaths.ME)).path("annotator").asString();
    }

    public List<RemoteBatch> batches() {
        List<RemoteBatch> out = new ArrayList<>();
        for (JsonNode b : send(get(ApiPaths.BATCHES)).path("batches")) {
            out.add(new RemoteBatch(b.path("name").asString(), b.path("items").asInt(), b.path("completed").asBoolean()));
        }
        return out;
    }

    public List<Item> items(String batch) {
        JsonNode o = send(get(ApiPaths.batchItems(batch)));
        List<Item> out = new ArrayList<>();
        for (JsonNode i : o.path("items")) out.add(ItemJson.read(i, batch, batch));
        return out;
    }

    /** Pushes judgment versions; the receipt lists exactly what the server now holds. */
    public PushReceipt push(List<Judgment> judgments) {
        List<String> bodies = new ArrayList<>(judgments.size());
        for (Judgment j : judgments) bodies.add(Json.write(JudgmentJson.write(j)));
        return pushBodies(bodies);
    }

    /** Pushes versions given as their stored {@code full} JSON objects, without re-encoding them. */
    public PushReceipt pushBodies(List<String> bodies) {
        return PushReceipt.fromJson(send(pushRequest(bodies)));
    }

    /**
     * Starts a push and returns at once, so the caller can read and send the next chunk while the server
     * stores this one. The future fails with a {@link SyncException} exactly as {@link #pushBodies} throws.
     */
    public CompletableFuture<PushReceipt> pushBodiesAsync(List<String> bodies) {
        HttpRequest req = pushRequest(bodies);
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((resp, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                        throw unreachable(cause);
                    }
                    return PushReceipt.fromJson(answer(resp));
                });
    }

    private HttpRequest pushRequest(List<String> bodies) {
        int size = 16 + bodies.size();
        for (String b : bodies) size += b.length();
        StringBuilder sb = new StringBuilder(size);
        sb.append("{\"judgments\":[");
        for (int i = 0; i < bodies.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(bodies.get(i));
        }
        sb.append("]}");
        return request(ApiPaths.JUDGMENTS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build();
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest req) {
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
        return answer(resp);
    }

    private SyncException unreachable(Throwable e) {
        return ConnectionFailure.of(base, requestTimeout, e);
    }

    private JsonNode answer(HttpResponse<String> resp) {
        int status = resp.statusCode();
        if (status == 200) {
            try {
                return Json.parse(resp.body());
            } catch (RuntimeException e) {
                // A cut connection can leave a truncated body: the request may or may not have been applied,
                // which is safe to retry because pushes are idempotent.
                throw new SyncException(SyncException.Kind.UNREACHABLE, "the answer from the server " + base
                        + " was cut off; nothing is lost, the next sync sends it again", e);
            }
        }
        String reason = reason(resp.body());
        if (status == 401) {
            throw new SyncException(SyncException.Kind.UNAUTHORIZED, "the server " + base + " refused the token (" + reason
                    + "); ask the lab for a new one and run: arbiter login");
        }
        // 499: the server saw the connection break mid-request; like 5xx, the push may or may not have landed
        if (status >= 500 || status == 408 || status == 429 || status == 499) {
            throw new SyncException(SyncException.Kind.UNREACHABLE, "server " + base + " answered " + status + ": " + reason);
        }
        throw new SyncException(SyncException.Kind.REFUSED, "server " + base + " refused the request (" + status + "): " + reason);
    }

    private static String reason(String body) {
        try {
            JsonNode o = Json.parse(body);
            if (o.has("error")) return o.get("error").asString();
        } catch (RuntimeException ignored) {
            // not JSON: fall through to the raw text
        }
        return body == null || body.isBlank() ? "no reason given" : body.strip();
    }
}
