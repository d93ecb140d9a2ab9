package dev.confab.door.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import dev.confab.door.Call;
import dev.confab.door.Dispatcher;
import dev.confab.door.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.stereotype.Component;

/**
 * The Azure Functions door: one HTTP trigger for every path and method, routed by functions.yml
 * through the dispatcher, so adding a function needs no Azure glue. Streamed requests get the whole
 * reply: an HTTP trigger answers once. Spring Cloud Function's Azure
 * adapter creates this bean (and the application around it) for the Functions host. That adapter
 * starts the application without a web server; the local server, which never calls it, does not
 * load the Azure classes for it.
 */
@Component
@ConditionalOnNotWebApplication
public class AzureDoor {

    private final Dispatcher dispatcher;

    AzureDoor(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @FunctionName("confab")
    public HttpResponseMessage serve(
            @HttpTrigger(name = "request", route = "{*path}", authLevel = AuthorizationLevel.ANONYMOUS,
                    dataType = "binary", methods = {HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
                            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS})
            HttpRequestMessage<Optional<byte[]>> request,
            ExecutionContext context) {
        // raw, as every door hands it over: the dispatcher decodes each segment itself, and a decoded
        // path would read an id holding "%25" (a '%') as an escape
        String path = request.getUri().getRawPath();
        Map<String, List<String>> query = request.getUri().getRawQuery() != null
                ? Call.parseQuery(request.getUri().getRawQuery())
                : request.getQueryParameters().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
        Outcome outcome = dispatcher.dispatch(new Call(request.getHttpMethod().name(),
                path == null || path.isEmpty() ? "/" : path, query, request.getHeaders(),
                request.getBody().orElse(new byte[0])), route -> true, false);
        HttpResponseMessage.Builder response = request.createResponseBuilder(HttpStatusType.custom(outcome.status()));
        outcome.headers().forEach(response::header);
        if (outcome.body().length > 0) {
            response.body(outcome.body());
        }
        return response.build();
    }
}
