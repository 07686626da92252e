package org.arbiter.server;

/** An import (the batches {@code arbiter server import NAME} made) summed up: assignments done of assigned. */
public record ImportProgress(String source, int batches, int items, int assigned, int completed, String createdAt) {
}
