package dev.confab.door;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import dev.confab.Api;
import dev.confab.door.azure.AzureDoor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.springframework.cloud.function.adapter.azure.AzureFunctionInstanceInjector;

/**
 * Sends requests through the Azure door as the Functions host does: the trigger's instance comes
 * from Spring Cloud Function's Azure injector (which starts the application), and each request is
 * an {@link HttpRequestMessage} with the body as bytes ({@code dataType = "binary"}).
 */
public final class AzureHostTransport {

    private static AzureDoor door;

    private AzureHostTransport() {
    }

    static Api.Transport create() {
        return (method, path, body, headers) -> deliver(method, path,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers)
                .orElseThrow(() -> new IllegalArgumentException("the trigger takes no " + method));
    }

    /**
     * One request as raw bytes; empty when the Functions host would not hand it to the trigger (a
     * method the trigger does not declare). The host parses the URL leniently: characters a URI
     * may not hold arrive percent-encoded.
     */
    public static Optional<Api.Raw> deliver(String method, String path, byte[] body, Map<String, String> headers) {
        if (!TRIGGER_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        URI uri = URI.create("https://confab.azurewebsites.net" + lenient(path));
        Map<String, String> query = new LinkedHashMap<>();
        Call.parseQuery(uri.getRawQuery()).forEach((name, values) -> query.put(name, values.get(values.size() - 1)));
        Request request = new Request(uri, HttpMethod.value(method), headers, query, Optional.ofNullable(body));
        Response response = (Response) door().serve(request, CONTEXT);
        Object answer = response.body;
        String text = answer == null ? "" : answer instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8) : answer.toString();
        return Optional.of(new Api.Raw(response.status.value(), response.headers, text));
    }

    /** The methods the trigger declares, the only ones the host hands it. */
    private static final Set<String> TRIGGER_METHODS = Arrays.stream(AzureDoor.class.getMethods())
            .filter(m -> m.isAnnotationPresent(FunctionName.class))
            .flatMap(m -> Arrays.stream(m.getParameters()))
            .filter(p -> p.isAnnotationPresent(HttpTrigger.class))
            .flatMap(p -> Arrays.stream(p.getAnnotation(HttpTrigger.class).methods()))
            .map(Enum::name).collect(Collectors.toSet());

    /** Percent-encodes what a URI may not hold (spaces, quotes, non-ASCII, a % that starts no escape). */
    private static String lenient(String path) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escape = b == '%' && (i + 2 >= bytes.length || !isHex(bytes[i + 1]) || !isHex(bytes[i + 2]));
            if (b <= 0x20 || b >= 0x7f || "\"<>\\^`{|}[]#".indexOf(b) >= 0 || escape) {
                out.append('%').append(String.format("%02X", b));
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    static synchronized AzureDoor door() {
        if (door == null) {
            door = DoorRuntime.start("azure", Map.of(), () -> {
                try {
                    return new AzureFunctionInstanceInjector().getInstance(AzureDoor.class);
                } catch (Exception e) {
                    throw new IllegalStateException("the Azure injector could not start Confab", e);
                }
            });
        }
        return door;
    }

    private record Request(URI getUri, HttpMethod getHttpMethod, Map<String, String> getHeaders,
            Map<String, String> getQueryParameters, Optional<byte[]> getBody)
            implements HttpRequestMessage<Optional<byte[]>> {

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
            return new Response().status(status);
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
            return new Response().status(status);
        }
    }

    private static final class Response implements HttpResponseMessage, HttpResponseMessage.Builder {
        private HttpStatusType status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object body;

        @Override
        public HttpResponseMessage.Builder status(HttpStatusType value) {
            status = value;
            return this;
        }

        @Override
        public HttpResponseMessage.Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        @Override
        public HttpResponseMessage.Builder body(Object value) {
            body = value;
            return this;
        }

        @Override
        public HttpResponseMessage build() {
            return this;
        }

        @Override
        public HttpStatusType getStatus() {
            return status;
        }

        @Override
        public String getHeader(String name) {
            return headers.get(name);
        }

        @Override
        public Object getBody() {
            return body;
        }
    }

    private static final ExecutionContext CONTEXT = new ExecutionContext() {
        @Override
        public Logger getLogger() {
            return Logger.getLogger("azure-host");
        }

        @Override
        public String getInvocationId() {
            return "test-invocation";
        }

        @Override
        public String getFunctionName() {
            return "confab";
        }
    };
}
