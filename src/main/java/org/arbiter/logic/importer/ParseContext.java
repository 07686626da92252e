package org.arbiter.logic.importer;

import org.arbiter.model.Domain;

/**
 * What a parser needs besides the record.
 *
 * @param batch          the batch items go to when the record names none
 * @param batchOverride  --batch: wins over a batch named by the record (native format)
 * @param domainOverride --domain, or null to keep the record's or the format's domain
 */
public record ParseContext(String batch, String batchOverride, Domain domainOverride) {
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
