package dev.confab.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.confab.Api;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * What a provider's failures do to a turn, through the real Spring AI clients: 429 with
 * Retry-After, 5xx, timeouts, malformed answers, streams cut half way. Retries with short
 * pauses, OpenAI falling back to Gemini, a circuit that opens after four failed calls. Streams
 * cut by a dropped or stalled connection: StreamCutTests.
 */
@TestPropertySource(properties = {"confab.providers.max-attempts=3", "confab.providers.backoff=10ms",
        "confab.providers.max-backoff=20ms", "confab.providers.max-retry-after=5s", "confab.providers.timeout=1s",
        "confab.providers.fallback=openai,google", "confab.providers.circuit-breaker.window=4",
        "confab.providers.circuit-breaker.minimum-calls=4", "confab.providers.circuit-breaker.open-for=1h"})
class ProviderFaultTests extends StubbedProviderTests {

    private static final String OPENAI = "/v1/chat/completions";
    private static final String GEMINI = "/v1beta/models/gemini-2\\.5-flash:(stream)?[gG]enerateContent.*";

    @Autowired
    ProviderGuards guards;

    @BeforeEach
    void closeCircuits() {
        for (Provider provider : Provider.values()) {
            guards.breaker(provider).reset();
        }
    }

    @Test
    void a429IsRetriedAfterThePauseItsRetryAfterAskedFor() {
        inTurn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("{\"error\": {\"message\": \"Rate limit reached\"}}"), answer("after the pause"));

        Api.Reply reply = chat("gpt-4o");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("output_text")).isEqualTo("after the pause");
        List<LoggedRequest> calls = sent(OPENAI);
        assertThat(calls).hasSize(2);
        long pause = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        assertThat(pause).as("waited as long as Retry-After asked").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void a429AskingForLongerThanConfabWaitsGoesToTheNextProviderAtOnce() {
        STUB.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        geminiAnswers("from gemini");

        Api.Reply reply = chat("gpt-4o");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("provider")).isEqualTo("google");
        assertThat(reply.text("model")).isEqualTo("gemini-2.5-flash");
        assertThat(reply.text("output_text")).isEqualTo("from gemini");
        assertThat(sent(OPENAI)).hasSize(1);
        JsonNode stored = messages(reply.text("conversation_id")).get(1);
        assertThat(stored.path("model").asText()).isEqualTo("gemini-2.5-flash");
    }

    @Test
    void serverErrorsAreRetriedAndTheThirdAttemptAnswers() {
        inTurn(aResponse().withStatus(500), aResponse().withStatus(502), answer("third time lucky"));

        Api.Reply reply = chat("gpt-4o");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("output_text")).isEqualTo("third time lucky");
        assertThat(reply.text("provider")).isEqualTo("openai");
        assertThat(sent(OPENAI)).hasSize(3);
    }

    @Test
    void aProviderThatStaysDownFallsBackToTheNextOneAfterItsAttempts() {
        STUB.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withStatus(503)));
        geminiAnswers("stood in");

        Api.Reply reply = chat("gpt-4o");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("output_text")).isEqualTo("stood in");
        assertThat(sent(OPENAI)).hasSize(3);
    }

    @Test
    void aTimeoutIsNotRetriedButTheNextProviderIsAsked() {
        STUB.stubFor(post(urlEqualTo(OPENAI)).willReturn(answer("too late").withFixedDelay(2_500)));
        geminiAnswers("in time");

        Api.Reply reply = chat("gpt-4o");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("output_text")).isEqualTo("in time");
        assertThat(sent(OPENAI)).hasSize(1);
    }

    @Test
    void malformedAnswersAreNotRetriedButTheNextProviderIsAsked() {
        for (String malformed : List.of("{\"id\": \"chatcmpl-1\", \"choices\": [", "<html>Bad gateway</html>",
                "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"choices\": []}")) {
            STUB.resetAll();
            STUB.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody(malformed)));
            geminiAnswers("sensible");

            Api.Reply reply = chat("gpt-4o");

            assertThat(reply.status()).as(malformed).isEqualTo(200);
            assertThat(reply.text("output_text")).isEqualTo("sensible");
            assertThat(sent(OPENAI)).as(malformed).hasSize(1);
        }
    }

    @Test
    void whenEveryProviderFailsTheCallerGetsA5xxAndOnlyTheUsersMessageIsKept() {
        STUB.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withStatus(503)));
        STUB.stubFor(post(urlPathMatching(GEMINI)).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\": {\"code\": 500, \"message\": \"internal\", \"status\": \"INTERNAL\"}}")));
        String conversation = api.post("/conversations", "{\"user_id\": \"unlucky\"}").text("id");

        Api.Reply reply = api.post("/chat", "{\"input\": \"anyone there?\", \"model\": \"gpt-4o\","
                + " \"conversation_id\": \"%s\"}".formatted(conversation));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("provider_unavailable");
        assertThat(reply.json().path("error").path("message").asText()).contains("openai", "every fallback provider");
        assertThat(sent(OPENAI)).hasSize(3);
        assertThat(sent(GEMINI)).hasSize(3);
        JsonNode stored = messages(conversation);
        assertThat(stored.findValuesAsText("role")).containsExactly("user");
        assertThat(stored.get(0).path("content").asText()).isEqualTo("anyone there?");
    }

    @Test
    void aBadRequestIsNeitherRetriedNorSentToAnotherProvider() {
        STUB.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\": {\"message\": \"context_length_exceeded\"}}")));
        geminiAnswers("should not be asked");

        Api.Reply reply = chat("gpt-4o");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("provider_error");
        assertThat(sent(OPENAI)).hasSize(1);
        assertThat(sent(GEMINI)).isEmpty();
    }

    @Test
    void aProviderThatKeepsFailingIsNoLongerCalledWhileItsCircuitIsOpen() {
        STUB.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withStatus(503)));
        geminiAnswers("the stand-in");

        chat("gpt-4o"); // three failed calls
        chat("gpt-4o"); // the fourth fails and opens the circuit
        int callsBefore = sent(OPENAI).size();
        Api.Reply reply = chat("gpt-4o");

        assertThat(callsBefore).isEqualTo(4);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("output_text")).isEqualTo("the stand-in");
        assertThat(sent(OPENAI)).as("not called while open").hasSize(callsBefore);
        assertThat(api.get("/health").json().path("providers").path("openai").asText()).isEqualTo("circuit_open");
        assertThat(api.get("/health").json().path("providers").path("google").asText()).isEqualTo("configured");
    }

    @Test
    void aStreamThatFailsBeforeItsFirstChunkIsRetriedThenFallsBack() throws Exception {
        STUB.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withStatus(503)));
        STUB.stubFor(post(urlPathMatching(GEMINI)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(geminiChunk("Hello", null) + geminiChunk(" again", "STOP"))));

        List<JsonNode> events = sse("{\"input\": \"hi\", \"model\": \"gpt-4o\", \"stream\": true}");

        assertThat(events.subList(0, 2)).extracting(e -> e.path("delta").path("text").asText())
                .containsExactly("Hello", " again");
        assertThat(events.get(2).path("done").asBoolean()).isTrue();
        assertThat(events.get(2).path("model").asText()).isEqualTo("gemini-2.5-flash");
        assertThat(sent(OPENAI)).hasSize(3);
        JsonNode reply = messages(events.get(2).path("conversation_id").asText()).get(1);
        assertThat(reply.path("content").asText()).isEqualTo("Hello again");
        assertThat(reply.path("status").asText()).isEqualTo("complete");
    }

    @Test
    void aStreamThatEndsWithoutItsFinishIsAnErrorAndIsKeptAsIncomplete() throws Exception {
        String conversation = api.post("/conversations", "{\"user_id\": \"cut\"}").text("id");
        STUB.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(StreamingProviderTests.openAiChunk("Half") + StreamingProviderTests.openAiChunk(" a story"))));

        List<JsonNode> events = sse("{\"input\": \"story\", \"model\": \"gpt-4o\", \"stream\": true,"
                + " \"conversation_id\": \"%s\"}".formatted(conversation));

        assertThat(events).extracting(e -> e.path("delta").path("text").asText()).startsWith("Half", " a story");
        assertThat(events.get(events.size() - 1).path("error").path("code").asText()).isEqualTo("provider_stream_cut");
        JsonNode reply = messages(conversation).get(1);
        assertThat(reply.path("content").asText()).isEqualTo("Half a story");
        assertThat(reply.path("status").asText()).isEqualTo("incomplete");
    }

    private Api.Reply chat(String model) {
        return api.post("/chat", "{\"input\": \"hello\", \"model\": \"%s\"}".formatted(model));
    }

    private JsonNode messages(String conversation) {
        return api.get("/conversations/" + conversation + "/messages?limit=100").json();
    }

    /** OpenAI answers the turn's attempts with these responses, in order. */
    private static void inTurn(ResponseDefinitionBuilder... responses) {
        String state = STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i == responses.length - 1 ? state : "attempt " + (i + 2);
            STUB.stubFor(post(urlEqualTo(OPENAI)).inScenario("attempts").whenScenarioStateIs(state)
                    .willReturn(responses[i]).willSetStateTo(next));
            state = next;
        }
    }

    private static ResponseDefinitionBuilder answer(String text) {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody(OpenAiProviderTests.completion(text, 5, 3));
    }

    private static void geminiAnswers(String text) {
        STUB.stubFor(post(urlPathMatching(GEMINI)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(GeminiProviderTests.generated(text, 5, 3).replace("gemini-2.0-flash", "gemini-2.5-flash"))));
    }

    private static String geminiChunk(String text, String finish) {
        return "data: {\"candidates\": [{\"content\": {\"role\": \"model\", \"parts\": [{\"text\": \"" + text + "\"}]},"
                + (finish == null ? "" : " \"finishReason\": \"" + finish + "\",")
                + " \"index\": 0}], \"usageMetadata\": {\"promptTokenCount\": 4, \"candidatesTokenCount\": 2,"
                + " \"totalTokenCount\": 6}, \"modelVersion\": \"gemini-2.5-flash\"}\n\n";
    }
}
