package org.arbiter.evidence.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.arbiter.evidence.CheckResult;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.Response;
import org.junit.jupiter.api.Test;

/**
 * Runs real responses of corpus/verify/code.jsonl (HumanEvalPack canonical vs buggy) with the real compilers
 * in the real sandbox, and compares with the dataset's truth: every canonical solution passes, every buggy
 * one does not. The unit suite runs two items per language; {@code -Darbiter.evidence.full=true} runs all 66.
 */
class CodeCorpusVerdictsTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/verify/code.jsonl");
    /** System PATH only: CI has Debian's toolchains, and so must this test, whatever the developer's PATH adds. */
    static final String DEBIAN_PATH = "/usr/local/bin:/usr/bin:/bin";

    @Test
    void verdictsMatchTheDatasetTruth() throws Exception {
        boolean full = Boolean.getBoolean("arbiter.evidence.full");
        List<Item> items = sample(load(), full ? Integer.MAX_VALUE : 2);
        CodeCheck check = CodeCheck.forThisMachine(DEBIAN_PATH, Path.of(System.getProperty("java.io.tmpdir")));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        Map<String, Future<CheckResult>> runs = new LinkedHashMap<>();
        for (Item item : items) {
            for (Response r : item.responses()) runs.put(item.id() + "/" + r.id(), pool.submit(() -> check.run(item, r)));
        }
        List<String> wrong = new ArrayList<>();
        Map<String, List<Double>> msByLanguage = new LinkedHashMap<>();
        for (Item item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> truth = (Map<String, Object>) item.meta().get("truth");
            for (Response r : item.responses()) {
                CheckResult result = runs.get(item.id() + "/" + r.id()).get();
                boolean passes = Boolean.TRUE.equals(truth.get(r.id()));
                boolean ok = passes ? result.verdict().equals("passed")
                        : result.ran() && !result.verdict().equals("passed");
                if (!ok) wrong.add(item.id() + "/" + r.id() + " truth=" + passes + " got " + result.verdict() + ": " + result.detail());
                msByLanguage.computeIfAbsent(item.reference().language(), k -> new ArrayList<>()).add(result.ms());
                System.out.println(item.id() + "/" + r.id() + " " + result.verdict() + " " + result.testsPassed() + "/"
                        + result.testsTotal() + " " + result.ms() + " ms " + result.detail().lines().findFirst().orElse(""));
            }
        }
        pool.shutdown();
        check.close();
        msByLanguage.forEach((lang, ms) -> System.out.println(lang + " ms " + ms));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(full ? 132 : 24, runs.size());
    }

    static List<Item> load() throws IOException {
        List<Item> items = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS)) {
            if (!line.isBlank()) items.add(ItemJson.read(Json.parse(line), "verify", null));
        }
        return items;
    }

    /** The first {@code perLanguage} items of each language that are not timeout-type tasks (#10, #156). */
    static List<Item> sample(List<Item> all, int perLanguage) {
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<Item> out = new ArrayList<>();
        for (Item item : all) {
            if (perLanguage != Integer.MAX_VALUE && (item.id().endsWith("/10") || item.id().endsWith("/156"))) continue;
            int n = taken.merge(item.reference().language(), 1, Integer::sum);
            if (n <= perLanguage) out.add(item);
        }
        return out;
    }
}
