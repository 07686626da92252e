package org.arbiter.logic.importer;

import org.arbiter.model.Domain;

/**
 * @param format null to detect it from the first record
 * @param batch  null to take the record's batch (native) or the file's base name
 * @param domain null to keep the record's or the format's domain
 */
public record ImportOptions(ImportFormat format, String batch, Domain domain) {
    public static ImportOptions detect() {
        return new ImportOptions(null, null, null);
    }
}
