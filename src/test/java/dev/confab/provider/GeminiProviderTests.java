package dev.confab.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.Api.Reply;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Gemini through Spring AI Google GenAI against a stub of the Gemini API's generateContent. */
class GeminiProviderTests extends StubbedProviderTests {

    private static final String PATH = "/v1beta/models/gemini-2\\.0-flash:generateContent";

    static String generated(String text, int prompt, int candidates) {
        return """
                {"candidates": [{"content": {"role": "model", "parts": [{"text": "%s"}]}, "finishReason": "STOP",
                  "index": 0}],
                 "usageMetadata": {"promptTokenCount": %d, "candidatesTokenCount": %d, "totalTokenCount": %d},
                 "modelVersion": "gemini-2.0-flash"}""".formatted(text, prompt, candidates, prompt + candidates);
    }

    @Test
    void sendsModelSystemInstructionHistoryTemperatureAndImagesAndReturnsTextAndUsage() {
        STUB.stubFor(post(urlPathMatching(PATH)).withRequestBody(containing("first question"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(generated("Gemini first", 12, 5))));
        STUB.stubFor(post(urlPathMatching(PATH)).withRequestBody(containing("second question"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(generated("Gemini second", 30, 4))));

        Reply config = api.post("/create-chat", """
                {"model": "gemini-2.0-flash", "systemPrompt": "You are a travel buddy.", "temperature": 0.7, "title": "T"}""");
        String session = api.post("/chat-session", "{\"chatConfigId\": \"%s\"}".formatted(config.text("chatConfigId")))
                .text("session_id");

        Reply first = api.post("/session-message", "{\"session_id\": \"%s\", \"message\": \"first question\"}"
                .formatted(session));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("reply")).isEqualTo("Gemini first");
        assertThat(first.text("model")).isEqualTo("gemini-2.0-flash");
        assertThat(first.json().path("usage").path("input_tokens").asInt()).isEqualTo(12);
        assertThat(first.json().path("usage").path("output_tokens").asInt()).isEqualTo(5);
        assertThat(first.json().path("cost").decimalValue()).isEqualByComparingTo("0.0000032");

        Reply second = api.post("/chat", """
                {"input": [{"type": "text", "text": "second question"},
                           {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}],
                 "conversation_id": "%s"}""".formatted(session));
        assertThat(second.text("output_text")).isEqualTo("Gemini second");

        List<JsonNode> bodies = sentBodies(PATH);
        assertThat(bodies).hasSize(2);
        JsonNode one = bodies.get(0);
        assertThat(one.path("systemInstruction").path("parts").get(0).path("text").asText())
                .isEqualTo("You are a travel buddy.");
        assertThat(one.path("generationConfig").path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(one.path("contents").findValuesAsText("role")).containsExactly("user");

        JsonNode contents = bodies.get(1).path("contents");
        assertThat(contents.findValuesAsText("role")).containsExactly("user", "model", "user");
        assertThat(contents.get(0).path("parts").get(0).path("text").asText()).isEqualTo("first question");
        assertThat(contents.get(1).path("parts").get(0).path("text").asText()).isEqualTo("Gemini first");
        JsonNode parts = contents.get(2).path("parts");
        assertThat(parts.get(0).path("text").asText()).isEqualTo("second question");
        assertThat(parts.get(1).path("inlineData").path("mimeType").asText()).isEqualTo("image/png");
        assertThat(parts.get(1).path("inlineData").path("data").asText()).isNotBlank();
        assertThat(sent(PATH).get(0).getHeader("x-goog-api-key")).isEqualTo("gemini-test");
    }

    @Test
    void aGeminiServerErrorIs503AndTheMessageIsKept() {
        STUB.stubFor(post(urlPathMatching(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": 500, \"message\": \"internal\", \"status\": \"INTERNAL\"}}")));
        String user = "u-" + UUID.randomUUID();
        String conversation = api.post("/conversations", "{\"user_id\": \"%s\"}".formatted(user)).text("id");

        Reply reply = api.post("/prompt-gemini", "{\"prompt\": \"are you there\", \"conversation_id\": \"%s\"}"
                .formatted(conversation));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.text("error")).contains("google");
        assertThat(api.get("/conversations/" + conversation + "/messages").json().findValuesAsText("content"))
                .containsExactly("are you there");
    }
}
