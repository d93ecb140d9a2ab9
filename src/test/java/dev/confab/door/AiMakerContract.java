package dev.confab.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.Api.Reply;
import dev.confab.ServerTests;
import org.junit.jupiter.api.Test;

/** Seed 001 (AI Maker): configs, sessions and session messages in its typical flow. */
abstract class AiMakerContract extends ServerTests {

    @Test
    void theTypicalFlowCreatesAConfigOpensASessionAndKeepsTheHistory() {
        Reply config = api.post("/create-chat", """
                {"model": "gemini-2.5-flash", "systemPrompt": "You are a helpful assistant.", "temperature": 0.7,
                 "title": "Travel Buddy"}""");
        assertThat(config.status()).isEqualTo(201);
        String configId = config.text("chatConfigId");
        assertThat(api.get("/chat-config/" + configId).text("title")).isEqualTo("Travel Buddy");

        Reply updated = api.send("PUT", "/chat-config/" + configId, "{\"temperature\": 0.2, \"title\": \"Trip Pal\"}");
        assertThat(updated.json().path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(updated.text("systemPrompt")).isEqualTo("You are a helpful assistant.");

        Reply session = api.post("/chat-session", "{\"chatConfigId\": \"%s\"}".formatted(configId));
        assertThat(session.status()).isEqualTo(201);
        String sessionId = session.text("session_id");
        assertThat(session.text("chat_config_id")).isEqualTo(configId);
        assertThat(session.text("system_prompt")).isEqualTo("You are a helpful assistant.");
        assertThat(session.json().path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(session.json().path("messages").size()).isZero();

        Reply reply = api.post("/session-message", "{\"session_id\": \"%s\", \"message\": \"Where to in May?\"}"
                .formatted(sessionId));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("reply")).contains("Where to in May?");
        assertThat(reply.text("session_id")).isEqualTo(sessionId);

        Reply changed = api.send("PUT", "/session/" + sessionId, """
                {"model": "local-offline", "system_prompt": "Answer in haiku.", "temperature": 1.1, "title": "May"}""");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("model")).isEqualTo("local-offline");
        assertThat(changed.text("title")).isEqualTo("May");
        assertThat(changed.json().path("messages").findValuesAsText("role")).containsExactly("user", "assistant");
        assertThat(api.get("/session/" + sessionId).json().path("messages").get(0).path("content").asText())
                .isEqualTo("Where to in May?");
    }

    @Test
    void unknownConfigsAndSessionsAreNotFound() {
        assertThat(api.get("/chat-config/nope").status()).isEqualTo(404);
        assertThat(api.post("/chat-session", "{\"chatConfigId\": \"nope\"}").status()).isEqualTo(404);
        Reply lost = api.post("/session-message", "{\"session_id\": \"conv_nope\", \"message\": \"hi\"}");
        assertThat(lost.status()).isEqualTo(404);
        assertThat(lost.text("error")).contains("conv_nope");
        assertThat(api.send("PUT", "/session/conv_nope", "{\"title\": \"x\"}").status()).isEqualTo(404);
        assertThat(api.post("/create-chat", "{\"temperature\": 9}").status()).isEqualTo(422);
    }
}
