package dev.confab.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.Api.Reply;
import dev.confab.ServerTests;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Confab's core API over local HTTP, which is also seed 003's (LLM Chat API) as its document shows it. */
abstract class CoreContract extends ServerTests {

    @Test
    void chatAnswersInSeed003sShapeAndContinuesTheConversation() {
        Reply first = api.post("/chat", """
                {"input": "Hello, how are you?", "user_id": "user123", "instructions": "You are a helpful assistant",
                 "stream": false, "temperature": 1.0, "max_tokens": 1000, "top_p": 1.0}""");

        assertThat(first.status()).isEqualTo(200);
        JsonNode body = first.json();
        assertThat(body.path("id").asText()).startsWith("resp_");
        assertThat(body.path("object").asText()).isEqualTo("response");
        assertThat(body.path("created_at").isNumber()).isTrue();
        assertThat(body.path("output_text").asText()).contains("Hello, how are you?");
        assertThat(body.path("conversation_id").asText()).startsWith("conv_");
        assertThat(body.path("title").asText()).isEqualTo("Hello, how are you?");
        assertThat(body.path("usage").path("total_tokens").asInt())
                .isEqualTo(body.path("usage").path("input_tokens").asInt() + body.path("usage").path("output_tokens").asInt());
        assertThat(body.path("cost").isNumber()).isTrue();

        String conversation = first.text("conversation_id");
        Reply second = api.post("/chat", """
                {"input": [{"type": "text", "text": "Describe this image"},
                           {"type": "image_url", "image_url": {"url": "https://example.com/image.jpg"}}],
                 "user_id": "user123", "conversation_id": "%s"}""".formatted(conversation));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("message_count").asInt()).isEqualTo(4);

        Reply messages = api.get("/conversations/" + conversation + "/messages?limit=50&order=asc");
        assertThat(messages.status()).isEqualTo(200);
        assertThat(messages.json().size()).isEqualTo(4);
        assertThat(messages.json().get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages.json().get(0).path("content").asText()).isEqualTo("Hello, how are you?");
        assertThat(messages.json().get(2).path("content").asText()).isEqualTo("Describe this image");
        assertThat(messages.json().get(0).path("id").asText()).startsWith("msg_");
        assertThat(api.get("/conversations/" + conversation + "/messages?limit=1&order=desc").json().get(0)
                .path("role").asText()).isEqualTo("assistant");
    }

    @Test
    void conversationsAreCreatedListedUpdatedAndDeletedAsSeed003Documents() {
        String user = "user-" + UUID.randomUUID();
        Reply created = api.post("/conversations", """
                {"user_id": "%s", "title": "My Chat", "metadata": {"category": "support"}}""".formatted(user));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");

        Reply list = api.get("/conversations?user_id=" + user + "&limit=20");
        assertThat(list.json().path("data").get(0).path("id").asText()).isEqualTo(id);
        assertThat(list.json().path("total").asInt()).isEqualTo(1);

        Reply patched = api.send("PATCH", "/conversations/" + id, """
                {"title": "Python Tutorial", "metadata": {"updated": true}, "settings": {"model": "local-offline", "temperature": 0.3}}""");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("title").asText()).isEqualTo("Python Tutorial");
        assertThat(patched.json().path("metadata").path("updated").asBoolean()).isTrue();
        assertThat(patched.json().path("settings").path("temperature").asDouble()).isEqualTo(0.3);

        assertThat(api.send("DELETE", "/conversations/" + id + "?soft=true", null).status()).isEqualTo(200);
        assertThat(api.get("/conversations/" + id).status()).isEqualTo(404);
        assertThat(api.get("/conversations?user_id=" + user).json().path("total").asInt()).isZero();

        String hard = api.post("/conversations", "{\"user_id\": \"%s\"}".formatted(user)).text("id");
        assertThat(api.send("DELETE", "/conversations/" + hard + "?soft=false", null).status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/conversations/" + hard + "?soft=false", null).status()).isEqualTo(404);
    }

    @Test
    void personasHaveTheirOwnCrudRoutes() {
        String name = "captain-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = api.post("/personas", """
                {"name": "%s", "display_name": "Captain", "system_prompt": "You are a captain.", "temperature": 0.5,
                 "personality_traits": {"tone": "bold"}, "company_info": {"name": "Ship Co"}}""".formatted(name));
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.get("/personas/" + name).json().path("personality_traits").path("tone").asText()).isEqualTo("bold");
        assertThat(api.send("PATCH", "/personas/" + name, "{\"display_name\": \"Admiral\"}").json()
                .path("display_name").asText()).isEqualTo("Admiral");
        assertThat(api.get("/personas?limit=1").json().path("data").size()).isEqualTo(1);
        assertThat(api.post("/personas", "{\"name\": \"%s\"}".formatted(name)).status()).isEqualTo(409);
        assertThat(api.send("DELETE", "/personas/" + name, null).status()).isEqualTo(200);
        assertThat(api.get("/personas/" + name).status()).isEqualTo(404);
    }

    @Test
    void badInputGetsAClearErrorInTheCoreEnvelope() {
        Reply malformed = api.post("/chat", "{\"input\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("error").path("code").asText()).isEqualTo("malformed_json");
        assertThat(malformed.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");

        Reply wrongType = api.post("/chat", "{\"input\": \"hi\", \"max_tokens\": \"many\"}");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.json().path("error").path("message").asText()).contains("max_tokens");

        assertThat(api.post("/chat", "[1, 2]").status()).isEqualTo(400);
        assertThat(api.post("/chat", "{\"input\": \"hi\", \"temperature\": 7}").status()).isEqualTo(422);
        assertThat(api.get("/conversations/conv_nope").json().path("error").path("code").asText())
                .isEqualTo("conversation_not_found");
        assertThat(api.get("/conversations?limit=500&user_id=u").status()).isEqualTo(422);

        Reply huge = api.post("/chat", "{\"input\": \"" + "x".repeat(70_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().path("error").path("code").asText()).isEqualTo("body_too_large");

        Reply form = api.send("POST", "/chat", "input=hi", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(415);

        Reply wrongMethod = api.send("DELETE", "/chat", null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).contains("POST");

        Reply unknown = api.get("/no/such/route");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("message").asText()).contains("/no/such/route");
    }

    @Test
    void healthConfigAndInfoDescribeTheServer() {
        Reply health = api.get("/health");
        assertThat(health.json().path("status").asText()).isEqualTo("healthy");
        assertThat(health.json().path("storage").path("status").asText()).isEqualTo("up");
        assertThat(health.json().path("providers").path("offline").asText()).isEqualTo("configured");
        assertThat(health.json().path("providers").path("openai").asText()).isEqualTo("not_configured");

        Reply config = api.get("/config");
        assertThat(config.json().path("model").asText()).isEqualTo("local-offline");
        assertThat(config.json().path("pricing").path("gpt-4o").path("input_per_1k").asDouble()).isEqualTo(0.0025);
        assertThat(config.json().toString()).doesNotContain("api_key");

        Reply info = api.get("/");
        assertThat(info.json().path("name").asText()).isEqualTo("Confab");
        assertThat(info.json().path("routes").toString()).contains("POST /chat", "POST /session-message");
    }
}
