package dev.confab.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.Api.Reply;
import dev.confab.ServerTests;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 002 (Yral): influencers, one conversation per user and influencer, messages. */
abstract class YralContract extends ServerTests {

    private String influencer;
    private final String user = "user-" + UUID.randomUUID();

    @BeforeEach
    void anInfluencer() {
        influencer = api.post("/personas", """
                {"name": "%s", "display_name": "Tech Guru", "category": "tech", "avatar_url": "https://x/a.png",
                 "system_prompt": "You are a tech influencer.", "personality_traits": {"energy": "high"}}"""
                .formatted("guru-" + UUID.randomUUID())).text("id");
    }

    @Test
    void influencersAreListedAndShownWithoutAuthentication() {
        Reply list = api.get("/api/v1/influencers?limit=100&offset=0");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("influencers").findValuesAsText("id")).contains(influencer);
        Reply one = api.get("/api/v1/influencers/" + influencer);
        assertThat(one.text("display_name")).isEqualTo("Tech Guru");
        assertThat(one.json().path("personality_traits").path("energy").asText()).isEqualTo("high");
        assertThat(one.json().has("system_prompt")).isFalse();
    }

    @Test
    void aUserHasOneConversationPerInfluencerAndSendsMessages() {
        Reply created = api.post("/api/v1/chat/conversations", "{\"influencer_id\": \"%s\"}".formatted(influencer),
                "X-User-Id", user);
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api.post("/api/v1/chat/conversations", "{\"influencer_id\": \"%s\"}".formatted(influencer),
                "X-User-Id", user).text("id")).isEqualTo(id);

        Reply sent = api.post("/api/v1/chat/conversations/" + id + "/messages",
                "{\"content\": \"Your message here\", \"message_type\": \"text\"}", "X-User-Id", user);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().path("user_message").path("content").asText()).isEqualTo("Your message here");
        assertThat(sent.json().path("assistant_message").path("role").asText()).isEqualTo("assistant");
        assertThat(sent.json().path("assistant_message").path("token_count").asInt()).isPositive();

        Reply multimodal = api.post("/api/v1/chat/conversations/" + id + "/messages", """
                {"content": "Analyze this image", "message_type": "multimodal",
                 "media_urls": ["https://example.com/image.jpg"]}""", "X-User-Id", user);
        assertThat(multimodal.json().path("user_message").path("media_urls").get(0).asText())
                .isEqualTo("https://example.com/image.jpg");

        Reply history = api.get("/api/v1/chat/conversations/" + id + "/messages?limit=10&offset=0&order=desc",
                "X-User-Id", user);
        assertThat(history.json().path("total").asInt()).isEqualTo(4);
        assertThat(history.json().path("messages").get(0).path("role").asText()).isEqualTo("assistant");
        assertThat(history.json().path("messages").get(1).path("message_type").asText()).isEqualTo("multimodal");

        Reply mine = api.get("/api/v1/chat/conversations?influencer_id=" + influencer, "X-User-Id", user);
        assertThat(mine.json().path("conversations").get(0).path("last_message").path("role").asText())
                .isEqualTo("assistant");
        assertThat(mine.json().path("conversations").get(0).path("influencer").path("display_name").asText())
                .isEqualTo("Tech Guru");

        assertThat(api.send("DELETE", "/api/v1/chat/conversations/" + id, null, "X-User-Id", user).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/chat/conversations/" + id + "/messages", "X-User-Id", user).status())
                .isEqualTo(404);
    }

    @Test
    void othersConversationsAndAnonymousCallsAreRefusedInSeed002sEnvelope() {
        String id = api.post("/api/v1/chat/conversations", "{\"influencer_id\": \"%s\"}".formatted(influencer),
                "X-User-Id", user).text("id");

        Reply anonymous = api.get("/api/v1/chat/conversations");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("error")).isEqualTo("Unauthorized");
        assertThat(anonymous.json().has("message")).isTrue();
        assertThat(anonymous.json().has("details")).isTrue();

        Reply spoofed = api.post("/api/v1/chat/conversations/" + id + "/messages",
                "{\"content\": \"hi\", \"user_id\": \"%s\"}".formatted(user), "X-User-Id", "someone-else");
        assertThat(spoofed.status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/chat/conversations/" + id, null, "X-User-Id", "someone-else").status())
                .isEqualTo(403);

        Reply audio = api.post("/api/v1/chat/conversations/" + id + "/messages",
                "{\"message_type\": \"audio\", \"audio_url\": \"https://x/a.mp3\"}", "X-User-Id", user);
        assertThat(audio.status()).isEqualTo(422);
        assertThat(audio.text("error")).isEqualTo("Validation Error");
        assertThat(api.post("/api/v1/chat/conversations/" + id + "/messages", "{\"message_type\": \"text\"}",
                "X-User-Id", user).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/chat/conversations/" + id + "/messages", "X-User-Id", user).json()
                .path("total").asInt()).isZero();
        assertThat(api.get("/api/v1/influencers/nope").status()).isEqualTo(404);
    }
}
