package dev.confab.door.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.ServerTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Seed 004's WebSocket chat, ws://host/ws/chat/{brand_id}, on the offline provider. */
class BrandChatTests extends ServerTests {

    @Test
    void answersTypingThenChunksAsTheyComeThenCompleteAndStoresTheReply() {
        String brand = brand("You sell laptops.");
        try (SocketClient client = SocketClient.connect(port, brand)) {
            client.chat("I need a laptop for business");
            List<JsonNode> reply = client.reply();

            assertThat(reply.get(0).path("type").asText()).isEqualTo("typing");
            assertThat(reply.get(0).path("data").path("is_typing").asBoolean()).isTrue();
            List<JsonNode> chunks = reply.subList(1, reply.size() - 1);
            assertThat(chunks).hasSizeGreaterThan(1)
                    .allSatisfy(chunk -> assertThat(chunk.path("type").asText()).isEqualTo("chunk"));
            String conversation = chunks.get(0).path("data").path("conversation_id").asText();
            assertThat(conversation).startsWith("conv");
            StringBuilder text = new StringBuilder();
            for (JsonNode chunk : chunks) {
                JsonNode data = chunk.path("data");
                assertThat(data.path("is_final").asBoolean()).isFalse();
                assertThat(data.path("conversation_id").asText()).isEqualTo(conversation);
                // seed 004 writes these as null in chunks, not leaves them out
                assertThat(data.has("suggested_products") && data.get("suggested_products").isNull()).isTrue();
                assertThat(data.has("confidence_score") && data.get("confidence_score").isNull()).isTrue();
                text.append(data.path("content").asText());
            }
            JsonNode complete = reply.get(reply.size() - 1);
            assertThat(complete.path("type").asText()).isEqualTo("complete");
            assertThat(complete.path("data").path("content").asText("missing")).isEmpty();
            assertThat(complete.path("data").path("is_final").asBoolean()).isTrue();
            assertThat(complete.path("data").path("conversation_id").asText()).isEqualTo(conversation);
            assertThat(complete.path("data").path("suggested_products").isArray()).isTrue();
            assertThat(complete.path("data").path("suggested_products")).isEmpty();
            assertThat(complete.path("data").path("confidence_score").asDouble()).isEqualTo(1.0);

            assertThat(text.toString()).contains("I need a laptop for business").contains("not AI-generated");
            JsonNode messages = api.get("/conversations/" + conversation + "/messages").json();
            assertThat(messages.findValuesAsText("role")).containsExactly("user", "assistant");
            assertThat(messages.get(1).path("content").asText()).isEqualTo(text.toString());
            assertThat(messages.get(1).path("status").asText()).isEqualTo("complete");
            String brandId = api.get("/personas/" + brand).text("id");
            assertThat(api.get("/conversations/" + conversation).text("persona_id")).isEqualTo(brandId);
        }
    }

    @Test
    void aConversationIdContinuesThatConversationAndABrandIsFoundByIdToo() {
        String brand = brand(null);
        String brandId = api.get("/personas/" + brand).text("id");
        try (SocketClient client = SocketClient.connect(port, brandId)) {
            client.chat("first", "user_id", "shopper-1");
            String conversation = conversationOf(client.reply());

            client.chat("second", "conversation_id", conversation, "user_id", "shopper-1");
            List<JsonNode> reply = client.reply();

            assertThat(conversationOf(reply)).isEqualTo(conversation);
            assertThat(textOf(reply)).contains("second").contains("message 2 of this conversation");
            assertThat(api.get("/conversations/" + conversation + "/messages").json().findValuesAsText("content"))
                    .hasSize(4);
        }
    }

    @Test
    void anotherBrandsConversationIsNotFoundAndTheConnectionStaysOpen() {
        String conversation;
        try (SocketClient first = SocketClient.connect(port, brand(null))) {
            first.chat("hello");
            conversation = conversationOf(first.reply());
        }
        try (SocketClient other = SocketClient.connect(port, brand(null))) {
            other.chat("hello", "conversation_id", conversation);
            assertThat(other.next().path("type").asText()).isEqualTo("typing");
            assertThat(other.error().path("code").asText()).isEqualTo("conversation_not_found");

            other.chat("a fresh start");
            assertThat(last(other.reply()).path("type").asText()).isEqualTo("complete");
        }
    }

    @Test
    void anUnknownBrandGetsAnErrorAndTheConnectionIsClosedWith4404() {
        try (SocketClient client = SocketClient.connect(port, "no-such-brand-" + UUID.randomUUID())) {
            JsonNode error = client.error();
            assertThat(error.path("code").asText()).isEqualTo("brand_not_found");
            assertThat(error.path("message").asText()).contains("no-such-brand-");
            assertThat(client.closeCode()).isEqualTo(4404);
        }
    }

    @Test
    void anInactiveBrandIsNotFound() {
        String brand = "inactive-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/personas", "{\"name\": \"%s\", \"active\": false}".formatted(brand)).status())
                .isEqualTo(201);
        try (SocketClient client = SocketClient.connect(port, brand)) {
            assertThat(client.error().path("code").asText()).isEqualTo("brand_not_found");
            assertThat(client.closeCode()).isEqualTo(4404);
        }
    }

    @Test
    void aBrandDeactivatedWhileConnectedEndsTheConnectionOnTheNextMessage() {
        String brand = brand(null);
        try (SocketClient client = SocketClient.connect(port, brand)) {
            // a first reply proves the server has opened the connection: the handshake's answer may
            // reach the client before the server looks the brand up, and the change below must come after
            client.chat("open?");
            assertThat(client.reply()).last().satisfies(f -> assertThat(f.path("type").asText()).isEqualTo("complete"));
            assertThat(api.send("PATCH", "/personas/" + brand, "{\"active\": false}").status()).isEqualTo(200);
            client.chat("still selling?");
            assertThat(client.next().path("type").asText()).isEqualTo("typing");
            assertThat(client.error().path("code").asText()).isEqualTo("brand_not_found");
            assertThat(client.closeCode()).isEqualTo(4404);
        }
    }

    @Test
    void badMessagesGetErrorsAndTheConnectionStaysUsable() {
        try (SocketClient client = SocketClient.connect(port, brand(null))) {
            client.send("this is not json");
            assertThat(client.error().path("code").asText()).isEqualTo("malformed_json");
            client.send("[1, 2]");
            assertThat(client.error().path("code").asText()).isEqualTo("malformed_json");
            client.send("{\"type\": \"dance\", \"data\": {\"message\": \"hi\"}}");
            assertThat(client.error().path("code").asText()).isEqualTo("unknown_type");
            client.send("{\"type\": \"chat\", \"data\": {\"voice\": true}}");
            assertThat(client.error().path("code").asText()).isEqualTo("invalid_message");
            client.send("{\"type\": \"chat\", \"data\": {\"message\": \"hi\", \"voice\": [1]}}");
            assertThat(client.error().path("code").asText()).isEqualTo("invalid_voice");
            client.send("{\"type\": \"chat\"}");
            assertThat(client.error().path("code").asText()).isEqualTo("invalid_data");

            client.chat("still there?");
            List<JsonNode> reply = client.reply();
            assertThat(last(reply).path("type").asText()).isEqualTo("complete");
            assertThat(textOf(reply)).contains("still there?");
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void aMessageOverTheLimitClosesTheConnectionWith1009() {
        try (SocketClient client = SocketClient.connect(port, brand(null))) {
            String big = "x".repeat(64 * 1024 + 1);
            try {
                client.chat(big);
            } catch (RuntimeException closedWhileSending) {
                // the server may close before the client has written it all
            }
            assertThat(client.closeCode()).isEqualTo(1009);
        }
        // fewer characters than the limit, more bytes: the limit is in bytes
        try (SocketClient client = SocketClient.connect(port, brand(null))) {
            try {
                client.chat("\u20ac".repeat(25_000));
            } catch (RuntimeException closedWhileSending) {
                // as above
            }
            assertThat(client.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void theWebSocketPathIsNotTheCatalogsAndTheCatalogStillRoutes() throws Exception {
        // a plain GET (no upgrade) reaches the WebSocket handshake, not a function nor the catalog
        HttpResponse<String> plain = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ws/chat/" + brand(null))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(plain.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo(UpgradeRequired.CODE);
        assertThat(error.path("message").asText()).containsIgnoringCase("upgrade");

        assertThat(api.get("/").status()).isEqualTo(200);
        assertThat(api.get("/ws/chat").status()).isEqualTo(404);
        assertThat(api.post("/chat", "{\"input\": \"over HTTP\"}").status()).isEqualTo(200);
    }

    /** A brand: a persona with a unique name. */
    private String brand(String systemPrompt) {
        String name = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String prompt = systemPrompt == null ? "" : ", \"system_prompt\": \"%s\"".formatted(systemPrompt);
        assertThat(api.post("/personas", "{\"name\": \"%s\"%s}".formatted(name, prompt)).status()).isEqualTo(201);
        return name;
    }

    static String conversationOf(List<JsonNode> reply) {
        return last(reply).path("data").path("conversation_id").asText();
    }

    static String textOf(List<JsonNode> reply) {
        StringBuilder text = new StringBuilder();
        reply.stream().filter(m -> m.path("type").asText().equals("chunk"))
                .forEach(m -> text.append(m.path("data").path("content").asText()));
        return text.toString();
    }

    static JsonNode last(List<JsonNode> reply) {
        return reply.get(reply.size() - 1);
    }
}
