package dev.confab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tests' client. Over local HTTP it sends real requests to the server on loopback; other
 * doors plug in their own {@link Transport} (a Lambda event, an Azure request), so one contract
 * suite runs through every door.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sends one request through a door. Header names are given as written. */
    @FunctionalInterface
    public interface Transport {
        Raw send(String method, String path, String body, Map<String, String> headers);
    }

    /** A door's answer before parsing. */
    public record Raw(int status, Map<String, String> headers, String body) {
    }

    private final Transport transport;

    public Api(int port) {
        this(http(port));
    }

    public Api(Transport transport) {
        this.transport = transport;
    }

    public record Reply(int status, JsonNode json, Map<String, String> headers) {

        public String text(String field) {
            return json.path(field).asText(null);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst();
        }
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Reply post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Reply send(String method, String path, String body, String... headers) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            named.put(headers[i], headers[i + 1]);
        }
        if (body != null && named.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            named.put("Content-Type", "application/json");
        }
        Raw raw = transport.send(method, path, body, named);
        try {
            JsonNode json = raw.body() == null || raw.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(raw.body());
            return new Reply(raw.status(), json, raw.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " answered no JSON: " + raw.body(), e);
        }
    }

    public static Transport http(int port) {
        HttpClient http = HttpClient.newHttpClient();
        return (method, path, body, headers) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> answered = new LinkedHashMap<>();
                response.headers().map().forEach((name, values) -> answered.put(name, values.get(0)));
                return new Raw(response.statusCode(), answered, response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }
}
