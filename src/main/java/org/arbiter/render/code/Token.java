package org.arbiter.render.code;

/** A classified range [start, end) of the normalised source; text between tokens is plain. */
record Token(int start, int end, TokenClass kind) {
}
