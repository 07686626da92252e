package org.arbiter.evidence;

import org.arbiter.model.Item;
import org.arbiter.model.Response;

/**
 * One kind of evidence about a response (its code passes the item's tests; its final answer equals the
 * reference). Runs off the UI thread: {@link #run} may block for seconds and must end promptly, with no
 * process left behind, when its thread is interrupted.
 */
public interface Check {
    /** The {@code "kind"} a result carries: "code", "math", …. */
    String kind();

    /** Whether this check has something to say about the item (e.g. it carries tests). */
    boolean appliesTo(Item item);

    /** Checks one response of an item this check applies to. Never throws for bad input: that is a verdict. */
    CheckResult run(Item item, Response response) throws InterruptedException;
}
