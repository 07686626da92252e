package org.arbiter.logic.importer;

import org.arbiter.json.FieldException;
import org.arbiter.json.ItemJson;
import org.arbiter.model.Item;

import tools.jackson.databind.JsonNode;

/** Arbiter's own item lines (see {@link ItemJson}); single-path items are allowed (step review). */
final class NativeParser implements RecordParser {
    @Override
    public Item parse(JsonNode record, ParseContext context) {
        JsonNode rs = record.get("responses");
        if (rs != null && rs.isArray() && rs.isEmpty()) {
            throw new FieldException("responses", "at least one response, found none");
        }
        Item item = ItemJson.read(record, context.batch(), context.batchOverride());
        if (context.domainOverride() == null) return item;
        return new Item(item.id(), item.batch(), context.domainOverride(), item.prompt(), item.responses(),
                item.reference(), item.gold(), item.meta(), item.priorLabels());
    }
}
