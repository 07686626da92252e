package org.arbiter.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.arbiter.model.Domain;
import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.arbiter.model.StepLabel;

/** Hand-made and generated items and judgments for the quality tests. */
final class Synthetic {
    private Synthetic() {
    }

    static Item pair(String id, String batch, String modelA, String modelB) {
        return pair(id, batch, modelA, modelB, null, List.of());
    }

    static Item pair(String id, String batch, String modelA, String modelB, Map<String, Object> gold, List<PriorLabel> prior) {
        List<Response> responses = List.of(new Response("a", modelA, "Answer one to " + id), new Response("b", modelB, "Answer two to " + id));
        return new Item(id, batch, Domain.GENERAL, Prompt.text("Question " + id), responses,
                null, gold == null ? null : org.arbiter.model.Gold.parse(gold, responses), Map.of(), prior);
    }

    static Judgment judge(Item item, String annotator, Preference p, String shownLeft, long activeMs) {
        return judge(item, annotator, p, shownLeft, activeMs, Set.of(), List.of());
    }

    static Judgment judge(Item item, String annotator, Preference p, String shownLeft, long activeMs, Set<Flag> flags,
                          List<StepLabel> steps) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Judgment(UUID.nameUUIDFromBytes((item.batch() + item.id() + annotator).getBytes()), item.id(),
                item.batch(), annotator, 1, p, flags, Map.of(), "", steps, shownLeft, t, t.plusMillis(activeMs), activeMs);
    }

    static List<StepLabel> steps(String response, int... ratings) {
        List<StepLabel> out = new ArrayList<>();
        for (int i = 0; i < ratings.length; i++) out.add(new StepLabel(response, i, "k" + i, ratings[i], List.of(), null));
        return out;
    }

    /** A study: models with known Elo-like strengths, two honest annotators, one who always picks the left side, one at random. */
    record Study(List<Item> items, List<Judgment> judgments, Map<String, Double> truth) {
        QualityInput input() {
            return new QualityInput(items, judgments);
        }
    }

    static final Map<String, Double> TRUTH = Map.of("m-strong", 1300.0, "m-good", 1100.0, "m-mid", 1000.0, "m-weak", 700.0);

    static Study study(int itemsPerBatch, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> models = List.of("m-strong", "m-good", "m-mid", "m-weak");
        List<Item> items = new ArrayList<>();
        List<Judgment> judgments = new ArrayList<>();
        for (String batch : List.of("b1", "b2")) {
            for (int n = 0; n < itemsPerBatch; n++) {
                int i = rnd.nextInt(models.size());
                int j = (i + 1 + rnd.nextInt(models.size() - 1)) % models.size();
                Item item = pair(batch + "-" + n, batch, models.get(i), models.get(j));
                items.add(item);
                double pA = 1 / (1 + Math.pow(10, (TRUTH.get(models.get(j)) - TRUTH.get(models.get(i))) / 400));
                // The honest experts see the same true winner most of the time (so they agree) with their own noise.
                boolean aWins = rnd.nextDouble() < pA;
                for (String expert : List.of("alice", "bob")) {
                    boolean pick = rnd.nextDouble() < 0.85 ? aWins : rnd.nextDouble() < pA;
                    Preference p = rnd.nextDouble() < 0.1 ? Preference.TIE
                            : pick ? (rnd.nextBoolean() ? Preference.A_BETTER : Preference.A_MUCH_BETTER)
                            : (rnd.nextBoolean() ? Preference.B_BETTER : Preference.B_MUCH_BETTER);
                    judgments.add(judge(item, expert, p, rnd.nextBoolean() ? "a" : "b", 20_000 + rnd.nextInt(60_000)));
                }
                String left = rnd.nextBoolean() ? "a" : "b";
                judgments.add(judge(item, "lefty", left.equals("a") ? Preference.A_BETTER : Preference.B_BETTER, left,
                        1_000 + rnd.nextInt(1_500)));
                Preference random = Preference.fromScore(rnd.nextInt(-2, 3));
                judgments.add(judge(item, "randy", random, rnd.nextBoolean() ? "a" : "b", 10_000 + rnd.nextInt(30_000)));
            }
        }
        return new Study(items, judgments, TRUTH);
    }
}
