package org.arbiter.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Words for judgments that sync will never send: on server batches, stamped with a name other than the one this
 * store is logged in as (typically typed in the window before a login settled the name). Said the same way by
 * {@code arbiter sync} and the window's status bar, so neither hides them.
 */
public final class StrandedJudgments {
    private StrandedJudgments() {
    }

    /** One sentence per name: how many, by whom, and the two ways out. Empty when nothing is stranded. */
    public static List<String> explain(String annotator, Map<String, Integer> stranded) {
        List<String> out = new ArrayList<>();
        stranded.forEach((name, n) -> out.add(versions(n) + " on the server's batches " + (n == 1 ? "is" : "are") + " stamped '"
                + name + "', not '" + annotator + "' (the name this store is logged in as), so sync does not send "
                + (n == 1 ? "it" : "them") + ". If " + (n == 1 ? "it is" : "they are") + " " + annotator + "'s work: arbiter sync --adopt "
                + quoted(name) + ". If " + (n == 1 ? "it is" : "they are") + " " + name + "'s: " + name
                + " logs in on this store (arbiter login --server URL --token " + name + "'s token) and runs arbiter sync."));
        return out;
    }

    /** The status bar's short form, e.g. "2 judgments stamped bob not sent (arbiter sync --adopt bob)". */
    public static String brief(Map<String, Integer> stranded) {
        if (stranded.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        stranded.forEach((name, n) -> parts.add(n + " stamped " + name));
        int total = stranded.values().stream().mapToInt(Integer::intValue).sum();
        String first = stranded.keySet().iterator().next();
        return parts.size() == 1
                ? versions(total) + " stamped " + first + " not sent: if yours, arbiter sync --adopt " + quoted(first)
                : versions(total) + " not sent (" + String.join(", ", parts) + "): run arbiter sync to see why";
    }

    private static String versions(int n) {
        return n + " judgment version" + (n == 1 ? "" : "s");
    }

    private static String quoted(String name) {
        return name.matches("[A-Za-z0-9._@-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
    }
}
