package org.arbiter.review;

import org.arbiter.model.Judgment;

/** A judgment version was committed to the store (Enter on an item whose labels changed). */
public record Submitted(Judgment judgment) {
}
