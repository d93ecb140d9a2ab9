package dev.confab.door.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request being built: its body as fields of raw JSON text (so a poison can replace one), or raw
 * bytes once a poison has broken it. {@code fields} null means no body at all.
 */
record Draft(String method, String path, Map<String, String> fields, Map<String, String> headers, byte[] raw) {

    static Draft of(String method, String path, Map<String, String> fields, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (fields != null) {
            all.putIfAbsent("Content-Type", "application/json");
        }
        return new Draft(method, path, fields == null ? null : new LinkedHashMap<>(fields), all, null);
    }

    /** One field set to a JSON value, written as JSON text. */
    Draft with(String field, String json) {
        Map<String, String> next = new LinkedHashMap<>(fields == null ? Map.of() : fields);
        next.put(field, json);
        Map<String, String> typed = new LinkedHashMap<>(headers);
        typed.putIfAbsent("Content-Type", "application/json");
        return new Draft(method, path, next, typed, null);
    }

    Draft withText(String field, String text) {
        return with(field, HostileJson.quote(text));
    }

    Draft without(String field) {
        Map<String, String> next = new LinkedHashMap<>(fields == null ? Map.of() : fields);
        next.remove(field);
        return new Draft(method, path, next, headers, null);
    }

    /** A header set, or removed when {@code value} is null. */
    Draft header(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.remove(name);
        if (value != null) {
            next.put(name, value);
        }
        return new Draft(method, path, fields, next, raw);
    }

    Draft query(String name, String value) {
        return new Draft(method, path + (path.contains("?") ? "&" : "?") + name + "=" + value, fields, headers, raw);
    }

    /** The body bytes as they stand; broken ones replace the fields. */
    Draft body(byte[] bytes) {
        return new Draft(method, path, fields, headers, bytes);
    }

    byte[] bytes() {
        if (raw != null) {
            return raw;
        }
        return fields == null ? null : json().getBytes(StandardCharsets.UTF_8);
    }

    /** The fields as a JSON object; {@code {}} when there are none. */
    String json() {
        return (fields == null ? Map.<String, String>of() : fields).entrySet().stream()
                .map(e -> HostileJson.quote(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
