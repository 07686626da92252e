package org.arbiter.logic.importer;

import org.arbiter.model.Item;

import tools.jackson.databind.JsonNode;

/**
 * Turns one source record (one JSONL line or one array element) into an item.
 *
 * @see org.arbiter.json.FieldException thrown for a missing or malformed field
 */
public interface RecordParser {
    Item parse(JsonNode record, ParseContext context);
}
