package dev.confab.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.Api.Reply;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** OpenAI through Spring AI's client against a stub of the Chat Completions API. */
class OpenAiProviderTests extends StubbedProviderTests {

    private static final String PATH = "/v1/chat/completions";

    static String completion(String text, int prompt, int completion) {
        return """
                {"id": "chatcmpl-1", "object": "chat.completion", "created": 1730000000, "model": "gpt-4o-2024-08-06",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": %d, "completion_tokens": %d, "total_tokens": %d}}"""
                .formatted(text, prompt, completion, prompt + completion);
    }

    @Test
    void sendsModelSystemPromptHistoryInOrderTemperatureAndImagesAndReturnsTextAndUsage() {
        STUB.stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("first question"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(completion("Ahoy, first answer", 11, 7))));
        STUB.stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("second question"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(completion("Second answer", 40, 5))));
        String persona = "captain-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/personas", "{\"name\": \"%s\", \"system_prompt\": \"You are Captain Stub.\", \"model\": \"gpt-4o\"}"
                .formatted(persona));

        Reply first = api.post("/chat", """
                {"input": "first question", "user_id": "u1", "persona": "%s", "temperature": 0.3, "max_tokens": 256}"""
                .formatted(persona));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("output_text")).isEqualTo("Ahoy, first answer");
        assertThat(first.text("model")).isEqualTo("gpt-4o");
        assertThat(first.json().path("usage").path("input_tokens").asInt()).isEqualTo(11);
        assertThat(first.json().path("usage").path("output_tokens").asInt()).isEqualTo(7);
        assertThat(first.json().path("cost").decimalValue()).isEqualByComparingTo("0.0000975");

        Reply second = api.post("/chat", """
                {"input": [{"type": "text", "text": "second question"},
                           {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}],
                 "conversation_id": "%s", "instructions": "Answer briefly."}""".formatted(first.text("conversation_id")));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("output_text")).isEqualTo("Second answer");

        List<JsonNode> bodies = sentBodies(PATH);
        assertThat(bodies).hasSize(2);
        JsonNode one = bodies.get(0);
        assertThat(one.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(one.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(one.path("max_tokens").asInt()).isEqualTo(256);
        assertThat(one.path("messages").findValuesAsText("role")).containsExactly("system", "user");
        assertThat(one.path("messages").get(0).path("content").asText()).isEqualTo("You are Captain Stub.");

        JsonNode two = bodies.get(1).path("messages");
        assertThat(two.findValuesAsText("role")).containsExactly("system", "user", "assistant", "user");
        assertThat(two.get(0).path("content").asText()).isEqualTo("You are Captain Stub.\n\nAnswer briefly.");
        assertThat(two.get(1).path("content").asText()).isEqualTo("first question");
        assertThat(two.get(2).path("content").asText()).isEqualTo("Ahoy, first answer");
        JsonNode parts = two.get(3).path("content");
        assertThat(parts.findValuesAsText("type")).containsExactly("text", "image_url");
        assertThat(parts.get(1).path("image_url").path("url").asText()).startsWith("data:image/png;base64,");
        assertThat(sent(PATH).get(0).getHeader("Authorization")).isEqualTo("Bearer sk-test");

        Reply conversation = api.get("/conversations/" + first.text("conversation_id"));
        assertThat(conversation.json().path("usage").path("input_tokens").asInt()).isEqualTo(51);
        assertThat(conversation.json().path("usage").path("output_tokens").asInt()).isEqualTo(12);
    }

    @Test
    void providerErrorsBecome502Or503Or504AndTheUsersMessageIsKept() {
        STUB.stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("overloaded"))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\": {\"message\": \"overloaded\"}}")));
        STUB.stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("rejected"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\": {\"message\": \"bad request\"}}")));
        STUB.stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("slow"))
                .willReturn(aResponse().withFixedDelay(6_000).withBody(completion("late", 1, 1))));

        assertFailure("overloaded", 503, "provider_unavailable");
        assertFailure("rejected", 502, "provider_error");
        assertFailure("slow", 504, "provider_timeout");
    }

    private void assertFailure(String input, int status, String code) {
        String user = "u-" + UUID.randomUUID();
        String conversation = api.post("/conversations", "{\"user_id\": \"%s\"}".formatted(user)).text("id");
        Reply reply = api.post("/chat", "{\"input\": \"%s\", \"model\": \"gpt-4o\", \"conversation_id\": \"%s\"}"
                .formatted(input, conversation));
        assertThat(reply.status()).as(input).isEqualTo(status);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo(code);
        JsonNode kept = api.get("/conversations/" + conversation + "/messages").json();
        assertThat(kept.findValuesAsText("role")).as(input).containsExactly("user");
        assertThat(kept.get(0).path("content").asText()).isEqualTo(input);
    }
}
