package dev.confab.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.Api;
import dev.confab.Api.Reply;
import dev.confab.door.LambdaEventsTransport.Format;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The same API contract through the Lambda door, fed with API Gateway REST (v1), HTTP API (v2)
 * and Function URL events.
 */
class LambdaDoorTests {

    @Nested
    class CoreOverHttpApi extends CoreContract {
        @Override
        protected Api.Transport door() {
            return LambdaEventsTransport.of(Format.HTTP_V2);
        }
    }

    @Nested
    class CoreOverRestApi extends CoreContract {
        @Override
        protected Api.Transport door() {
            return LambdaEventsTransport.of(Format.REST_V1);
        }
    }

    @Nested
    class CoreOverFunctionUrl extends CoreContract {
        @Override
        protected Api.Transport door() {
            return LambdaEventsTransport.of(Format.FUNCTION_URL);
        }
    }

    @Nested
    class BroadcustOverHttpApi extends BroadcustContract {
        @Override
        protected Api.Transport door() {
            return LambdaEventsTransport.of(Format.HTTP_V2);
        }
    }

    @Nested
    class AiMakerOverRestApi extends AiMakerContract {
        @Override
        protected Api.Transport door() {
            return LambdaEventsTransport.of(Format.REST_V1);
        }
    }

    @Nested
    class YralOverFunctionUrl extends YralContract {
        @Override
        protected Api.Transport door() {
            return LambdaEventsTransport.of(Format.FUNCTION_URL);
        }
    }

    /** A direct invocation gets the function's answer itself, with no HTTP wrapping. */
    @Test
    void anEventThatIsNotHttpIsAnsweredWithAClearError() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        LambdaEventsTransport.invoker().handleRequest(
                new java.io.ByteArrayInputStream("{\"hello\": \"world\"}".getBytes()), out, null);
        var response = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toByteArray());
        assertThat(response.path("error").path("code").asText()).isEqualTo("not_an_http_event");
        assertThat(response.path("error").path("message").asText()).contains("API Gateway");
    }

    @Test
    void aLambdaForOneFunctionServesOnlyThatFunctionsRoutes() {
        Api slowPrompt = new Api(LambdaEventsTransport.of(Format.FUNCTION_URL, "prompt"));

        Reply answered = slowPrompt.post("/", "{\"prompt\": \"take your time\"}");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.text("response")).contains("take your time");
        assertThat(slowPrompt.post("/prompt-gemini", "{\"prompt\": \"hi\"}").status()).isEqualTo(200);

        Reply elsewhere = slowPrompt.get("/personas");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().path("error").path("code").asText()).isEqualTo("route_not_found");
    }

    /** API Gateway answers once, so a streamed request gets the whole reply. */
    @Test
    void aStreamRequestGetsTheWholeReply() {
        Reply reply = new Api(LambdaEventsTransport.of(Format.HTTP_V2)).post("/chat",
                "{\"input\": \"stream please\", \"stream\": true}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("output_text")).contains("stream please");
        assertThat(reply.text("object")).isEqualTo("response");
    }

    @Test
    void aRestApiStagePrefixIsNotPartOfTheRoute() {
        Reply health = new Api(LambdaEventsTransport.of(Format.REST_V1)).get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("healthy");
    }
}
