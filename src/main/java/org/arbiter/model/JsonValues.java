package org.arbiter.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form data (meta, gold, extras) is held as plain JSON values: maps, lists, strings, numbers, booleans
 * and nulls. This keeps the domain free of any JSON library while preserving key order.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** A deep, unmodifiable, order-preserving copy. Null values are allowed (they are JSON nulls). */
    public static Map<String, Object> copyOf(Map<String, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, copyValue(v)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) return copyOf((Map<String, ?>) m);
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) out.add(copyValue(e));
            return Collections.unmodifiableList(out);
        }
        return v;
    }
}
