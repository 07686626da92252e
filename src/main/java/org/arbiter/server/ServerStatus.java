package org.arbiter.server;

/**
 * @param judgments current judgments: one per (annotator, batch, item), however many versions it has
 * @param versions  every stored judgment version
 */
public record ServerStatus(int items, int batches, int completedBatches, int judgments, int versions,
                           int annotators, int assignments, int completedAssignments) {
}
