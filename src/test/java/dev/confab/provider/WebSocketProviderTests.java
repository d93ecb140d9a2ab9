package dev.confab.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.door.websocket.SocketClient;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's WebSocket chat through the real OpenAI client against a stub: what a voice turn asks
 * the provider for, the confidence score, provider failures, and a client that leaves mid-reply.
 */
class WebSocketProviderTests extends StubbedProviderTests {

    private static final String VOICE = "at most two short sentences";

    @Test
    void aVoiceTurnAddsTheSpokenInstructionToTheBrandsPromptAndCapsTheReplyAt150Tokens() {
        stream(List.of("Sure", ", gladly."));
        String brand = brand(", \"system_prompt\": \"You are TechPro.\"");
        try (SocketClient client = SocketClient.connect(port, brand)) {
            client.chat("Which laptop?", "voice", true);
            assertThat(type(last(client.reply()))).isEqualTo("complete");
            client.chat("And a mouse?");
            assertThat(type(last(client.reply()))).isEqualTo("complete");
        }

        List<JsonNode> sent = sentBodies("/v1/chat/completions");
        JsonNode spoken = sent.get(0);
        assertThat(spoken.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(spoken.path("messages").get(0).path("content").asText())
                .startsWith("You are TechPro.").contains(VOICE).contains("no markdown");
        assertThat(spoken.path("max_tokens").asInt()).isEqualTo(150);
        JsonNode typed = sent.get(1);
        assertThat(typed.path("messages").get(0).path("content").asText()).isEqualTo("You are TechPro.");
        assertThat(typed.has("max_tokens")).isFalse();
    }

    @Test
    void aVoiceTurnKeepsALowerLimitOfTheBrand() {
        stream(List.of("Hi"));
        try (SocketClient client = SocketClient.connect(port, brand(", \"max_tokens\": 40"))) {
            client.chat("hello", "voice", true);
            client.reply();
        }
        assertThat(sentBodies("/v1/chat/completions").get(0).path("max_tokens").asInt()).isEqualTo(40);
    }

    @Test
    void theConfidenceIsLowerWhenTheReplyUsedItsWholeTokenLimit() {
        // the stub reports 3 completion tokens
        stream(List.of("Once", " upon", " a"));
        try (SocketClient client = SocketClient.connect(port, brand(", \"max_tokens\": 3"))) {
            client.chat("tell me a story");
            assertThat(last(client.reply()).path("data").path("confidence_score").asDouble()).isEqualTo(0.5);
        }
        try (SocketClient client = SocketClient.connect(port, brand(", \"max_tokens\": 100"))) {
            client.chat("tell me a story");
            assertThat(last(client.reply()).path("data").path("confidence_score").asDouble()).isEqualTo(1.0);
        }
    }

    @Test
    void aProviderFailureIsAnErrorWithItsCodeAndTheConnectionStaysOpen() {
        STUB.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("fail please"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"bad request\", \"type\": \"invalid_request_error\"}}")));
        try (SocketClient client = SocketClient.connect(port, brand(""))) {
            client.chat("fail please");
            List<JsonNode> reply = client.reply();
            assertThat(type(reply.get(0))).isEqualTo("typing");
            JsonNode error = last(reply);
            assertThat(type(error)).isEqualTo("error");
            assertThat(error.path("data").path("code").asText()).isEqualTo("provider_error");
            String conversation = error.path("data").path("conversation_id").asText();
            assertThat(conversation).startsWith("conv");

            stream(List.of("Better", " now"));
            client.chat("try again", "conversation_id", conversation);
            List<JsonNode> retried = client.reply();
            assertThat(type(last(retried))).isEqualTo("complete");
            assertThat(last(retried).path("data").path("conversation_id").asText()).isEqualTo(conversation);
        }
    }

    @Test
    void aClientThatLeavesMidReplyCancelsTheProviderCallAndTheTextSoFarIsKeptAsIncomplete() {
        List<String> pieces = IntStream.range(0, 40).mapToObj(i -> " word" + i).toList();
        STUB.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(StreamingProviderTests.openAiStream(pieces)).withChunkedDribbleDelay(40, 8_000)));
        String conversation;
        try (SocketClient client = SocketClient.connect(port, brand(""))) {
            client.chat("a slow story");
            assertThat(type(client.next())).isEqualTo("typing");
            JsonNode first = client.next();
            assertThat(type(first)).isEqualTo("chunk");
            conversation = first.path("data").path("conversation_id").asText();

            // one turn at a time: a message while a reply streams is refused, the reply goes on
            client.chat("and another thing");
            JsonNode refused;
            do {
                refused = client.next();
            } while (type(refused).equals("chunk"));
            assertThat(type(refused)).isEqualTo("error");
            assertThat(refused.path("data").path("code").asText()).isEqualTo("turn_in_progress");
            assertThat(type(client.next())).isEqualTo("chunk");
        }

        // the server notices the client left on its own time; wait for it, bounded
        await().atMost(SocketClient.WAIT).untilAsserted(() -> assertThat(
                api.get("/conversations/" + conversation + "/messages").json().findValuesAsText("role")).hasSize(2));
        JsonNode reply = api.get("/conversations/" + conversation + "/messages").json().get(1);
        assertThat(reply.path("status").asText()).isEqualTo("incomplete");
        assertThat(reply.path("content").asText()).startsWith(" word0").doesNotContain("word39");
    }

    private static void stream(List<String> pieces) {
        STUB.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(StreamingProviderTests.openAiStream(pieces))));
    }

    /** A brand on gpt-4o, so the stub answers; {@code more} adds persona fields. */
    private String brand(String more) {
        String name = "ws-brand-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/personas", "{\"name\": \"%s\", \"model\": \"gpt-4o\"%s}".formatted(name, more)).status())
                .isEqualTo(201);
        return name;
    }

    private static String type(JsonNode message) {
        return message.path("type").asText();
    }

    private static JsonNode last(List<JsonNode> reply) {
        return reply.get(reply.size() - 1);
    }
}
