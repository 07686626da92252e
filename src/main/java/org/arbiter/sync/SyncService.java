package org.arbiter.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.JudgmentKey;
import org.arbiter.store.AnnotatorName;
import org.arbiter.store.LocalStore;
import org.arbiter.store.Outbox;
import org.arbiter.store.Setting;
import org.arbiter.wire.PushReceipt;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Sync between the local store and the lab server: pull newly assigned batches, push every pending judgment
 * version in chunks, record what the server completed. Work never waits for it: the window calls
 * {@link #requestSync()} and the background loop retries with exponential backoff (1 s doubling to 5 min,
 * reset on success) until the network is back.
 */
public final class SyncService implements AutoCloseable {
    public static final Setting<String> KEY_SERVER = Setting.SYNC_SERVER;
    public static final Setting<String> KEY_TOKEN = Setting.SYNC_TOKEN;
    /** The batches the server assigned at the last sync (a JSON array), so the backlog is known offline. */
    public static final Setting<String> KEY_SERVER_BATCHES = Setting.SYNC_BATCHES;
    public static final Setting<Instant> KEY_LAST_SYNC = Setting.SYNC_LAST;
    /** PEM of a lab's self-signed certificate, trusted instead of the JVM's trust store when present. */
    public static final Setting<String> KEY_TRUST_CERT = Setting.SYNC_TRUST_CERT;

    /** Pushes sent before the oldest receipt is awaited. */
    static final int PIPELINE = 2;
    /** Characters of judgment JSON per push: even at 3 UTF-8 bytes each, under the server's 16 MB limit. */
    static final long MAX_REQUEST_CHARS = 5_000_000;

    private final LocalStore store;
    private final Supplier<SyncClient> clients;
    private final Outbox outbox;
    private final int chunk;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object syncLock = new Object();

    private Duration minBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private Duration interval = Duration.ofMinutes(1);
    private ScheduledExecutorService loop;
    private ScheduledFuture<?> next;
    private Duration backoff = minBackoff;
    private volatile String lastError;
    private volatile SyncException.Kind lastErrorKind;
    private volatile boolean running;
    private volatile Instant nextAttempt;

    /** @param clients makes the HTTP client for each attempt, so a new login takes effect at once */
    public SyncService(LocalStore store, Supplier<SyncClient> clients, int chunk) {
        this.store = store;
        this.clients = clients;
        this.outbox = store.outbox();
        this.chunk = chunk;
    }

    /** Uses the server and token saved by {@code arbiter login}. */
    public static SyncService forStore(LocalStore store) {
        return new SyncService(store, () -> clientFromSettings(store), 2000);
    }

    public static SyncClient clientFromSettings(LocalStore store) {
        Optional<String> server = store.settings().get(KEY_SERVER);
        Optional<String> token = store.settings().get(KEY_TOKEN);
        if (server.isEmpty() || token.isEmpty()) {
            throw new SyncException(SyncException.Kind.NOT_LOGGED_IN,
                    "not logged in to a server: run arbiter login --server URL --token TOKEN");
        }
        SSLContext ssl = store.settings().get(KEY_TRUST_CERT).map(SyncClient::trusting).orElse(null);
        return new SyncClient(server.get(), token.get(), ssl, Duration.ofSeconds(60));
    }

    /**
     * Saves the server and token after checking them, and makes the name the token belongs to this store's
     * annotator ({@link AnnotatorName}); returns that name.
     */
    public static String login(LocalStore store, SyncClient client, String token, String trustCertPem) {
        String annotator = client.whoAmI();
        if (trustCertPem != null) store.settings().put(KEY_TRUST_CERT, trustCertPem);
        else store.settings().remove(KEY_TRUST_CERT);
        store.settings().put(KEY_SERVER, client.server());
        store.settings().put(KEY_TOKEN, token);
        AnnotatorName.setByServer(store.settings(), annotator, client.server());
        return annotator;
    }

    public SyncService backoff(Duration min, Duration max, Duration interval) {
        this.minBackoff = min;
        this.maxBackoff = max;
        this.interval = interval;
        this.backoff = min;
        return this;
    }

    public Outbox outbox() {
        return outbox;
    }

    // ------------------------------------------------------------------ one sync

    /**
     * Pulls, then pushes until nothing is pending. Safe to call from any thread; attempts are serialized.
     *
     * @throws SyncException when the server cannot be reached or refuses; what was acknowledged before the
     *                       failure stays marked, the rest is sent next time
     */
    public SyncResult syncNow() {
        synchronized (syncLock) {
            running = true;
            fire();
            try {
                SyncResult r = attempt();
                Instant now = Instant.now();
                store.settings().put(KEY_LAST_SYNC, now);
                lastError = null;
                lastErrorKind = null;
                // Reset here, before the status below says "caught up": a listener that sees a clean status and
                // asks for the backoff must not still get the one from the outage (the loop reset it only later).
                synchronized (this) {
                    backoff = minBackoff;
                }
                return r;
            } catch (SyncException e) {
                lastError = e.getMessage();
                lastErrorKind = e.kind();
                throw e;
            } catch (RuntimeException e) {
                lastError = e.getMessage() != null ? e.getMessage() : "sync failed unexpectedly (" + e.getClass().getSimpleName() + ")";
                lastErrorKind = SyncException.Kind.REFUSED;
                throw e;
            } finally {
                running = false;
                fire();
            }
        }
    }

    private SyncResult attempt() {
        SyncClient client = clients.get();
        String annotator = AnnotatorName.current(store.settings()).orElseGet(() -> {
            String named = client.whoAmI();
            AnnotatorName.setByServer(store.settings(), named, client.server());
            return named;
        });
        List<RemoteBatch> remote = client.batches();
        rememberServerBatches(remote);
        Map<String, Integer> local = store.items().countsByBatch();
        List<String> pulled = new ArrayList<>();
        int pulledItems = 0;
        Set<String> assigned = new HashSet<>();
        for (RemoteBatch b : remote) {
            assigned.add(b.name());
            if (local.getOrDefault(b.name(), 0) >= b.items()) continue;
            List<Item> items = client.items(b.name());
            int added = store.items().insertAllIfAbsent(items);
            if (added > 0) {
                pulled.add(b.name());
                pulledItems += added;
            }
        }
        Pushes pushes = new Pushes();
        Deque<InFlight> inFlight = new ArrayDeque<>();
        long after = 0;
        try {
            while (true) {
                Outbox.Page page = outbox.pending(annotator, assigned, after, chunk, MAX_REQUEST_CHARS);
                after = page.nextAfter();
                if (!page.entries().isEmpty()) {
                    List<String> bodies = new ArrayList<>(page.entries().size());
                    for (Outbox.Pending p : page.entries()) bodies.add(p.body());
                    inFlight.add(new InFlight(page.entries(), client.pushBodiesAsync(bodies)));
                }
                if (!page.more()) break;
                // One push is stored by the server while the next is read, sent and parsed; the oldest
                // receipt is taken before a third is started.
                if (inFlight.size() >= PIPELINE) settle(inFlight.poll(), pushes);
            }
            while (!inFlight.isEmpty()) settle(inFlight.poll(), pushes);
        } catch (RuntimeException e) {
            // What the server acknowledged before the failure stays acknowledged: take every receipt that
            // still arrives, then report the first failure.
            for (InFlight f : inFlight) {
                try {
                    settle(f, pushes);
                } catch (RuntimeException later) {
                    e.addSuppressed(later);
                }
            }
            throw e;
        }
        int pushed = pushes.pushed;
        int duplicates = pushes.duplicates;
        List<String> completed = pushes.completed;
        for (RemoteBatch b : remote) if (b.completed()) markComplete(b.name());
        for (String b : completed) markComplete(b);
        Outbox.Backlog left = backlog();
        return new SyncResult(pulled, pulledItems, pushed, duplicates, completed, left.pending(), annotator, left.stranded());
    }

    private void rememberServerBatches(List<RemoteBatch> remote) {
        ArrayNode names = Json.array();
        for (RemoteBatch b : remote) names.add(b.name());
        store.settings().put(KEY_SERVER_BATCHES, Json.write(names));
    }

    /** The batches the server assigned at the last sync; null before the first. */
    private Set<String> serverBatches() {
        return store.settings().get(KEY_SERVER_BATCHES).map(text -> {
            Set<String> out = new HashSet<>();
            for (JsonNode n : Json.parse(text)) out.add(n.asString());
            return out;
        }).orElse(null);
    }

    /** What waits to be sent by this store's annotator, and what waits under other names and never will be. */
    public Outbox.Backlog backlog() {
        Optional<String> annotator = AnnotatorName.current(store.settings());
        return outbox.backlog(annotator.orElse(""), serverBatches());
    }

    /**
     * Restamps the unsent versions stamped {@code from} on server batches as this store's annotator's, so the
     * next sync sends them (see {@link Outbox#adopt}).
     */
    public Outbox.Adoption adopt(String from) {
        String to = AnnotatorName.current(store.settings()).orElseThrow(() -> new SyncException(SyncException.Kind.NOT_LOGGED_IN,
                "not logged in to a server: run arbiter login --server URL --token TOKEN"));
        Set<String> batches = serverBatches();
        if (batches == null) {
            throw new SyncException(SyncException.Kind.NOT_LOGGED_IN, "the server's batches are not known yet: run arbiter sync once first");
        }
        return outbox.adopt(from.strip(), to, batches);
    }

    /** Pushes sent and not yet answered. */
    private record InFlight(List<Outbox.Pending> entries, CompletableFuture<PushReceipt> receipt) {
    }

    /** What the receipts taken so far acknowledged. */
    private static final class Pushes {
        int pushed;
        int duplicates;
        final List<String> completed = new ArrayList<>();
    }

    /** Waits for a push's receipt and marks exactly the versions it lists and this push sent. */
    private void settle(InFlight f, Pushes into) {
        PushReceipt receipt;
        try {
            receipt = f.receipt().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
        Set<JudgmentKey> accepted = new HashSet<>(receipt.accepted());
        List<Outbox.Pending> confirmed = f.entries().stream().filter(p -> accepted.contains(p.key())).toList();
        outbox.markSyncedRows(confirmed);
        into.pushed += confirmed.size();
        into.duplicates += receipt.duplicates();
        for (String b : receipt.completedBatches()) if (!into.completed.contains(b)) into.completed.add(b);
        fire();
    }

    private void markComplete(String batch) {
        store.batchConfigs().markCompleted(batch, Instant.now());
    }

    // ------------------------------------------------------------------ status

    public SyncStatus status() {
        Instant last = store.settings().get(KEY_LAST_SYNC).orElse(null);
        Outbox.Backlog b = backlog();
        return new SyncStatus(last, b.pending(), b.stranded(), AnnotatorName.current(store.settings()).orElse(null),
                lastError, lastErrorKind, running, nextAttempt);
    }

    /** Called on the sync thread after each change; a window must hop to its own thread. */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<SyncStatus> listener) {
        listeners.remove(listener);
    }

    private void fire() {
        if (listeners.isEmpty()) return;
        SyncStatus s = status();
        for (Consumer<SyncStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException ignored) {
                // a broken listener must not stop syncing
            }
        }
    }

    // ------------------------------------------------------------------ background loop

    /** Starts the background loop with an immediate attempt. */
    public synchronized void start() {
        if (loop != null) return;
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arbiter-sync");
            t.setDaemon(true);
            return t;
        });
        scheduleIn(Duration.ZERO);
    }

    /** Asks for a sync as soon as possible (after a submit, or the user's sync action). Never blocks. */
    public synchronized void requestSync() {
        if (loop == null) return;
        backoff = minBackoff;
        scheduleIn(Duration.ZERO);
    }

    private synchronized void scheduleIn(Duration delay) {
        if (loop == null || loop.isShutdown()) return;
        if (next != null) next.cancel(false);
        nextAttempt = Instant.now().plus(delay);
        next = loop.schedule(this::background, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void background() {
        Duration wait;
        try {
            syncNow();
            wait = interval;
        } catch (SyncException e) {
            if (!e.retryable() && e.kind() != SyncException.Kind.REFUSED) {
                synchronized (this) {
                    nextAttempt = null;
                }
                fire();
                return; // a refused token or no login: only the user can fix it, requestSync() resumes
            }
            synchronized (this) {
                wait = e.retryable() ? backoff : maxBackoff;
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                wait = maxBackoff;
            }
        }
        scheduleIn(wait);
        fire();
    }

    /** The delay the loop will wait after the next failure, for tests and the status bar. */
    public synchronized Duration currentBackoff() {
        return backoff;
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.shutdownNow();
            loop = null;
        }
    }
}
