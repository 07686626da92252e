package org.arbiter.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.store.LocalStore;

/** The demo batch in a real SQLite file, and a clock the test moves by hand. */
final class ReviewFixture {
    static final Path DEMO = Path.of("resources/demo/demo.jsonl");

    private ReviewFixture() {
    }

    static List<Item> demoItems() throws IOException {
        List<Item> out = new ArrayList<>();
        for (String line : Files.readAllLines(DEMO)) {
            if (!line.isBlank()) out.add(ItemJson.read(Json.parse(line), "demo", null));
        }
        return out;
    }

    static LocalStore storeWithDemo(Path file) throws IOException {
        LocalStore store = LocalStore.open(file);
        List<Item> items = demoItems();
        store.inTransaction(c -> {
            for (Item i : items) store.items().insertIfAbsent(c, i);
            return null;
        });
        return store;
    }

    /** A clock that stands still until moved. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static KeyStroke key(String text) {
        return KeyStroke.parse(text);
    }

    static ReviewState press(ReviewSession s, String... keys) {
        ReviewState last = s.state();
        for (String k : keys) last = s.handle(KeyStroke.parse(k));
        return last;
    }
}
