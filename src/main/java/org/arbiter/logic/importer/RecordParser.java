package org.arbiter.logic.importer;

import java.util.List;

import org.arbiter.model.Item;

import tools.jackson.databind.JsonNode;

/**
 * Turns one source record (one JSONL line or one array element) into an item.
 *
 * @see org.arbiter.json.FieldException thrown for a missing or malformed field
 */
public interface RecordParser {
    Item parse(JsonNode record, ParseContext context);

    /** What the import summary should say about the records parsed so far (e.g. replies left out). */
    default List<String> notes() {
        return List.of();
    }
}
