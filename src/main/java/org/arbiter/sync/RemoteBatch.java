package org.arbiter.sync;

/** A batch the server has assigned to this annotator. */
public record RemoteBatch(String name, int items, boolean completed) {
}
