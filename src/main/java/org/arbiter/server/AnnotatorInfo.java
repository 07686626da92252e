package org.arbiter.server;

public record AnnotatorInfo(String name, boolean revoked, String createdAt, int assignments, int completed) {
}
