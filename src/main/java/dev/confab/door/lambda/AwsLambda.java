package dev.confab.door.lambda;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.door.Call;
import dev.confab.door.Dispatcher;
import dev.confab.door.Outcome;
import dev.confab.problem.Problem;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The AWS Lambda door. Spring Cloud Function's {@code FunctionInvoker} hands this function the raw
 * API Gateway (v1, v2) or Function URL event and turns the answer's {@code statusCode} header into
 * the response status. Routing is the dispatcher's, by functions.yml, exactly as over local HTTP.
 * With {@code confab.lambda.function} set, the Lambda serves that function's routes only.
 */
@Configuration(proxyBeanMethods = false)
class AwsLambda {

    /** The function the handler calls (SPRING_CLOUD_FUNCTION_DEFINITION in cloud/aws/template.yaml). */
    static final String DOOR = "lambdaDoor";

    /** @param function the one function (or pipeline) this Lambda serves; all when unset */
    @ConfigurationProperties("confab.lambda")
    record LambdaSettings(String function) {
    }

    private static final ObjectMapper EVENTS = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {
    };

    @Bean
    Function<Message<byte[]>, Message<byte[]>> lambdaDoor(Dispatcher dispatcher, LambdaSettings settings) {
        String only = settings.function() == null || settings.function().isBlank() ? null : settings.function();
        return message -> {
            Call call = toCall(message.getPayload());
            Outcome outcome = call == null
                    ? dispatcher.refuse(Problem.badRequest("not_an_http_event",
                            "this Lambda answers API Gateway and Function URL events"))
                    : dispatcher.dispatch(call, route -> only == null || only.equals(route.name()), false);
            MessageBuilder<byte[]> answer = MessageBuilder.withPayload(outcome.body())
                    .setHeader("statusCode", outcome.status());
            outcome.headers().forEach(answer::setHeader);
            return answer.build();
        };
    }

    /** Primes a SnapStart snapshot; the Lambda runtime starts the application without a web server. */
    @Bean
    @ConditionalOnNotWebApplication
    SnapStartPriming snapStartPriming(FunctionCatalog functions, JsonMapper json) {
        return new SnapStartPriming(functions, json, System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
    }

    private static Call toCall(byte[] event) {
        try {
            return LambdaEvents.toCall(EVENTS.readValue(event, EVENT));
        } catch (IOException e) {
            return null;
        }
    }
}
