package dev.confab.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.ServerTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /chat with "stream": true answers server-sent events in seed 003's shape. */
class StreamingApiTests extends ServerTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void streamsDeltasThenDoneThenDoneMarkerAndStoresTheReply() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chat"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"input\": \"Write a story\", \"stream\": true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<String> data = response.body().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        JsonNode done = JSON.readTree(data.get(data.size() - 2));
        assertThat(done.path("done").asBoolean()).isTrue();
        StringBuilder text = new StringBuilder();
        List<JsonNode> deltas = new ArrayList<>();
        for (String event : data.subList(0, data.size() - 2)) {
            JsonNode delta = JSON.readTree(event).path("delta");
            assertThat(delta.path("type").asText()).isEqualTo("text");
            deltas.add(delta);
            text.append(delta.path("text").asText());
        }
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(text.toString()).contains("Write a story").contains("not AI-generated");
        assertThat(done.path("usage").path("output_tokens").asInt()).isPositive();

        String conversation = done.path("conversation_id").asText();
        JsonNode messages = api.get("/conversations/" + conversation + "/messages").json();
        assertThat(messages.findValuesAsText("role")).containsExactly("user", "assistant");
        assertThat(messages.get(1).path("content").asText()).isEqualTo(text.toString());
        assertThat(messages.get(1).path("status").asText()).isEqualTo("complete");
        assertThat(api.get("/conversations/" + conversation).json().path("usage").path("output_tokens").asInt())
                .isEqualTo(done.path("usage").path("output_tokens").asInt());
    }

    @Test
    void aStreamRequestThatFailsBeforeItStartsIsAPlainError() {
        var reply = api.post("/chat", "{\"input\": \"hi\", \"stream\": true, \"model\": \"unknown-9\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("invalid_model");
    }
}
