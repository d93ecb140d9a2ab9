package dev.confab.door;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.Api;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Sends requests through the Lambda door as AWS would: each request becomes a real event document
 * (API Gateway REST v1, HTTP API v2, Function URL) handed to Spring Cloud Function's
 * FunctionInvoker, the Lambda handler, whose JSON answer is read back.
 */
public final class LambdaEventsTransport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, FunctionInvoker> INVOKERS = new java.util.HashMap<>();

    private LambdaEventsTransport() {
    }

    public enum Format { REST_V1, HTTP_V2, FUNCTION_URL }

    static Api.Transport of(Format format) {
        return of(format, "");
    }

    /** Through a Lambda configured to serve one function only ({@code confab.lambda.function}). */
    static Api.Transport of(Format format, String onlyFunction) {
        return (method, path, body, headers) -> deliver(format, onlyFunction, method, path,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * One request as raw bytes, so a body need not be text: as API Gateway does with binary bodies,
     * one that is not UTF-8 travels base64-encoded.
     */
    public static Api.Raw deliver(Format format, String onlyFunction, String method, String path, byte[] body,
            Map<String, String> headers) {
        String[] pathAndQuery = path.split("\\?", 2);
        ObjectNode event = template(format);
        String query = pathAndQuery.length > 1 ? pathAndQuery[1] : "";
        switch (format) {
            case REST_V1 -> v1(event, method, pathAndQuery[0], query, body, headers);
            case HTTP_V2 -> v2(event, method, pathAndQuery[0], query, body, headers, false);
            case FUNCTION_URL -> v2(event, method, pathAndQuery[0], query, body, headers, true);
        }
        return invoke(invoker(onlyFunction), event);
    }

    private static void v1(ObjectNode event, String method, String path, String query, byte[] body,
            Map<String, String> headers) {
        event.put("httpMethod", method).put("path", path);
        ((ObjectNode) event.get("requestContext")).put("httpMethod", method).put("path", "/Prod" + path);
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        headers.forEach((name, value) -> {
            single.put(name, value);
            multi.putArray(name).add(value);
        });
        ObjectNode params = event.putObject("queryStringParameters");
        ObjectNode multiParams = event.putObject("multiValueQueryStringParameters");
        Call.parseQuery(query).forEach((name, values) -> {
            params.put(name, values.get(values.size() - 1));
            values.forEach(multiParams.putArray(name)::add);
        });
        if (body == null) {
            event.putNull("body");
        } else {
            putBody(event, body, !isUtf8(body));
        }
    }

    /** Function URLs send bodies base64-encoded here, to exercise the decoding. */
    private static void v2(ObjectNode event, String method, String path, String query, byte[] body,
            Map<String, String> headers, boolean base64) {
        event.put("rawPath", path).put("rawQueryString", query);
        ((ObjectNode) event.get("requestContext").get("http")).put("method", method).put("path", path);
        ObjectNode lowerCase = event.putObject("headers");
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(), value));
        event.remove("queryStringParameters");
        if (body == null) {
            event.remove("body");
            event.put("isBase64Encoded", false);
        } else {
            putBody(event, body, base64 || !isUtf8(body));
        }
    }

    private static void putBody(ObjectNode event, byte[] body, boolean base64) {
        if (base64) {
            event.put("body", Base64.getEncoder().encodeToString(body)).put("isBase64Encoded", true);
        } else {
            event.put("body", new String(body, StandardCharsets.UTF_8)).put("isBase64Encoded", false);
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static Api.Raw invoke(FunctionInvoker invoker, ObjectNode event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            invoker.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
            JsonNode response = JSON.readTree(out.toByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
            String body = response.path("body").asText("");
            if (response.path("isBase64Encoded").asBoolean()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            return new Api.Raw(response.path("statusCode").asInt(), headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode template(Format format) {
        String name = switch (format) {
            case REST_V1 -> "apigateway-v1.json";
            case HTTP_V2 -> "apigateway-v2.json";
            case FUNCTION_URL -> "function-url.json";
        };
        try (InputStream in = LambdaEventsTransport.class.getResourceAsStream("/events/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One Lambda runtime for the whole test run, as AWS keeps one warm: the handler starts its own
     * Spring context (no web server) on a fresh embedded database.
     */
    static FunctionInvoker invoker() {
        return invoker("");
    }

    static synchronized FunctionInvoker invoker(String onlyFunction) {
        // invoked here without a Lambda context, which the invoker would warn about on every call
        return INVOKERS.computeIfAbsent(onlyFunction, only -> {
            Map<String, String> settings = new HashMap<>(templateSettings());
            settings.put("confab.lambda.function", only);
            settings.put("logging.level.org.springframework.cloud.function.adapter.aws.FunctionInvoker", "ERROR");
            return DoorRuntime.start("lambda", settings, () -> new FunctionInvoker("lambdaDoor"));
        });
    }

    /**
     * The -D settings of the SAM template's JAVA_TOOL_OPTIONS (lazy initialization, say), so the
     * handler runs here as deployed; but not Spring AOT, which the test classes are not built for.
     */
    private static Map<String, String> templateSettings() {
        try {
            String options = CloudTemplatesTests.yaml("cloud/aws/template.yaml").path("Globals").path("Function")
                    .path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText();
            Map<String, String> settings = new HashMap<>();
            for (String option : options.split("\\s+")) {
                String[] keyAndValue = option.startsWith("-D") ? option.substring(2).split("=", 2) : new String[0];
                if (keyAndValue.length == 2 && !keyAndValue[0].equals("spring.aot.enabled")) {
                    settings.put(keyAndValue[0], keyAndValue[1]);
                }
            }
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
