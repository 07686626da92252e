package org.arbiter.review;

/** A screen side. A and B never appear here: the screen side of A is decided per (annotator, item). */
public enum Side {
    LEFT, RIGHT;

    public Side other() {
        return this == LEFT ? RIGHT : LEFT;
    }
}
