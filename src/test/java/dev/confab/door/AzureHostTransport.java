package dev.confab.door;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import dev.confab.Api;
import dev.confab.door.azure.AzureDoor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.springframework.cloud.function.adapter.azure.AzureFunctionInstanceInjector;

/**
 * Sends requests through the Azure door as the Functions host does: the trigger's instance comes
 * from Spring Cloud Function's Azure injector (which starts the application), and each request is
 * an {@link HttpRequestMessage} with the body as bytes ({@code dataType = "binary"}).
 */
final class AzureHostTransport {

    private static AzureDoor door;

    private AzureHostTransport() {
    }

    static Api.Transport create() {
        return (method, path, body, headers) -> {
            URI uri = URI.create("https://confab.azurewebsites.net" + path);
            Map<String, String> query = new LinkedHashMap<>();
            Call.parseQuery(uri.getRawQuery()).forEach((name, values) -> query.put(name, values.get(values.size() - 1)));
            Request request = new Request(uri, HttpMethod.value(method), headers, query,
                    Optional.ofNullable(body).map(b -> b.getBytes(StandardCharsets.UTF_8)));
            Response response = (Response) door().serve(request, CONTEXT);
            Object answer = response.body;
            String text = answer == null ? "" : answer instanceof byte[] bytes
                    ? new String(bytes, StandardCharsets.UTF_8) : answer.toString();
            return new Api.Raw(response.status.value(), response.headers, text);
        };
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
