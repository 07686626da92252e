package org.arbiter.server;

/** A batch as its annotator sees it: whether their own assignment of it is complete. */
public record AssignedBatch(String name, int items, boolean completed) {
}
