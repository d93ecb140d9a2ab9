package dev.confab.door.lambda;

import dev.confab.door.Call;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway and Lambda Function URL events to calls, and outcomes back to responses. Payload
 * v2 (HTTP API, Function URL) carries {@code requestContext.http.method} and {@code rawPath};
 * payload v1 (REST API) carries {@code httpMethod} and {@code path}.
 */
final class LambdaEvents {

    private LambdaEvents() {
    }

    /** The call an HTTP event carries, or null when the event is not an HTTP event. */
    static Call toCall(Map<String, Object> event) {
        Map<String, Object> context = map(event.get("requestContext"));
        Map<String, Object> http = map(context.get("http"));
        String method;
        String path;
        Map<String, List<String>> query;
        if (http.get("method") instanceof String v2Method) {
            method = v2Method;
            path = event.get("rawPath") instanceof String raw ? raw : String.valueOf(http.getOrDefault("path", "/"));
            query = Call.parseQuery(event.get("rawQueryString") instanceof String raw ? raw : null);
        } else if (event.get("httpMethod") instanceof String v1Method) {
            method = v1Method;
            path = event.get("path") instanceof String p ? p : "/";
            query = v1Query(event);
        } else {
            return null;
        }
        return new Call(method, withoutStage(path, context), query, headers(event), body(event));
    }


    /** A named stage's prefix (/Prod/chat) is not part of the route; $default has none. */
    private static String withoutStage(String path, Map<String, Object> context) {
        if (context.get("stage") instanceof String stage && !stage.equals("$default")
                && path.startsWith("/" + stage + "/")) {
            return path.substring(stage.length() + 1);
        }
        return path.isEmpty() ? "/" : path;
    }

    private static Map<String, List<String>> v1Query(Map<String, Object> event) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, Object> multi = map(event.get("multiValueQueryStringParameters"));
        if (!multi.isEmpty()) {
            multi.forEach((name, values) -> {
                List<String> list = new ArrayList<>();
                if (values instanceof List<?> l) {
                    l.forEach(v -> list.add(String.valueOf(v)));
                }
                query.put(name, list);
            });
            return query;
        }
        map(event.get("queryStringParameters")).forEach((name, value) -> query.put(name, List.of(String.valueOf(value))));
        return query;
    }

    private static Map<String, String> headers(Map<String, Object> event) {
        Map<String, String> headers = new LinkedHashMap<>();
        map(event.get("multiValueHeaders")).forEach((name, values) -> {
            if (values instanceof List<?> l && !l.isEmpty()) {
                headers.put(name, String.valueOf(l.get(0)));
            }
        });
        map(event.get("headers")).forEach((name, value) -> headers.put(name, String.valueOf(value)));
        return headers;
    }

    private static byte[] body(Map<String, Object> event) {
        if (!(event.get("body") instanceof String body)) {
            return new byte[0];
        }
        if (Boolean.TRUE.equals(event.get("isBase64Encoded"))) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return body.getBytes(StandardCharsets.UTF_8);
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
