package dev.confab.door.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.messaging.Message;

/**
 * SnapStart priming. On a published version Lambda starts the application once, snapshots the JVM and
 * restores every new instance from the snapshot, so whatever ran before the snapshot is loaded,
 * initialised and compiled in every instance. Just before it (CRaC's beforeCheckpoint, which Lambda's
 * SnapStart runtime calls through org.crac) this sends requests down the path a real event takes: the
 * handler's conversion of the event, the Lambda door, the dispatcher, a function, storage, JSON both
 * ways. A health check, then a chat turn on the offline provider, whose conversation it then deletes
 * (for good), so that priming leaves no record in storage. It registers only on a SnapStart
 * initialisation ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); anywhere else it does nothing.
 */
final class SnapStartPriming implements Resource, ApplicationListener<ContextRefreshedEvent> {

    static final String USER = "snapstart-priming";
    private static final Logger log = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request of the priming and the status it was answered with. */
    record Primed(String method, String path, int status) {
    }

    private final FunctionCatalog functions;
    private final JsonMapper json;
    private final boolean snapStart;

    /** @param initializationType Lambda's AWS_LAMBDA_INITIALIZATION_TYPE: snap-start, on-demand, ... */
    SnapStartPriming(FunctionCatalog functions, JsonMapper json, String initializationType) {
        this.functions = functions;
        this.json = json;
        this.snapStart = "snap-start".equals(initializationType);
    }

    /**
     * Registers with CRaC once the application is up: after Spring's own resource (which stops the
     * context's lifecycle beans before a checkpoint), so that this one, called in the reverse order of
     * registration, primes while everything still runs.
     */
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        if (snapStart) {
            // org.crac holds resources weakly: the Spring context keeps this bean, and so this resource, alive
            Core.getGlobalContext().register(this);
        }
    }

    /** Priming only speeds up restored instances: a failure is logged, never a reason to refuse the snapshot. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            log.info("SnapStart priming answered {}", prime());
        } catch (RuntimeException e) {
            log.warn("SnapStart priming failed; instances restored from this snapshot start colder", e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to undo: the priming left no state behind
    }

    /** Sends the priming requests through the Lambda door, as the handler would. */
    List<Primed> prime() {
        FunctionInvocationWrapper door = functions.lookup(AwsLambda.DOOR, "application/json");
        List<Primed> primed = new ArrayList<>();
        primed.add(send(door, "GET", "/health", null).primed());
        Answer chat = send(door, "POST", "/chat",
                "{\"input\": \"Hello!\", \"user_id\": \"" + USER + "\", \"model\": \"local-offline\"}");
        primed.add(chat.primed());
        String conversation = chat.body().path("conversation_id").asText("");
        if (!conversation.isEmpty()) {
            primed.add(send(door, "DELETE", "/conversations/" + conversation, null, "soft=false").primed());
        }
        return primed;
    }

    private record Answer(Primed primed, JsonNode body) {
    }

    private Answer send(FunctionInvocationWrapper door, String method, String path, String body) {
        return send(door, method, path, body, "");
    }

    private Answer send(FunctionInvocationWrapper door, String method, String path, String body, String query) {
        try {
            byte[] event = JSON.writeValueAsBytes(event(method, path, query, body));
            Message<byte[]> request = AWSLambdaUtils.generateMessage(event, door.getInputType(), false, json);
            byte[] response = AWSLambdaUtils.generateOutputFromObject(request, door.apply(request), json,
                    door.getOutputType());
            JsonNode answer = JSON.readTree(response);
            String text = answer.path("body").asText("");
            return new Answer(new Primed(method, path, answer.path("statusCode").asInt()),
                    text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP API (payload v2) event, as API Gateway sends it. */
    private static Map<String, Object> event(String method, String path, String query, String body) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", query);
        event.put("headers", Map.of("content-type", "application/json", "user-agent", USER));
        event.put("requestContext", Map.of("stage", "$default", "requestId", USER,
                "http", Map.of("method", method, "path", path, "sourceIp", "127.0.0.1")));
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }
}
