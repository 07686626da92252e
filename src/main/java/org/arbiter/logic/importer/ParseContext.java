package org.arbiter.logic.importer;

import java.util.function.Consumer;

import org.arbiter.model.Domain;

/**
 * What a parser needs besides the record.
 *
 * @param batch          the batch items go to when the record names none
 * @param batchOverride  --batch: wins over a batch named by the record (native format)
 * @param domainOverride --domain, or null to keep the record's or the format's domain
 * @param leftOut        told, once per label, why a label of the source was left out on purpose (an Argilla
 *                       response the annotator discarded); the import summary counts them
 */
public record ParseContext(String batch, String batchOverride, Domain domainOverride, Consumer<String> leftOut) {
    public ParseContext {
        leftOut = leftOut == null ? reason -> { } : leftOut;
    }

    public ParseContext(String batch, String batchOverride, Domain domainOverride) {
        this(batch, batchOverride, domainOverride, null);
    }

    /** The batch of an item whose record names {@code recordBatch} (may be null). */
    public String batchFor(String recordBatch) {
        if (batchOverride != null) return batchOverride;
        return recordBatch != null && !recordBatch.isBlank() ? recordBatch : batch;
    }

    /** The domain an item gets when the source's own guess is {@code formatDefault}. */
    public Domain domain(Domain formatDefault) {
        return domainOverride != null ? domainOverride : formatDefault;
    }
}
