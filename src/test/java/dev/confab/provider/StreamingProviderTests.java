package dev.confab.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Streaming through the real Spring AI clients against stubs that stream in each provider's wire format. */
class StreamingProviderTests extends StubbedProviderTests {

    static String openAiChunk(String content) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}\n\n";
    }

    static String openAiStream(List<String> pieces) {
        return pieces.stream().map(StreamingProviderTests::openAiChunk).collect(Collectors.joining())
                + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}\n\n"
                + "data: [DONE]\n\n";
    }

    @Test
    void openAiStreamsDeltasInOrderAndRecordsItsUsage() throws Exception {
        STUB.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(openAiStream(List.of("Once", " upon", " a time")))));

        List<JsonNode> events = sse("{\"input\": \"story\", \"model\": \"gpt-4o\", \"stream\": true}");

        assertThat(events.subList(0, 3)).extracting(e -> e.path("delta").path("text").asText())
                .containsExactly("Once", " upon", " a time");
        JsonNode done = events.get(3);
        assertThat(done.path("usage").path("input_tokens").asInt()).isEqualTo(9);
        assertThat(done.path("usage").path("output_tokens").asInt()).isEqualTo(3);
        assertThat(done.path("cost").decimalValue()).isEqualByComparingTo("0.0000525");
        JsonNode sent = sentBodies("/v1/chat/completions").get(0);
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
        JsonNode stored = api.get("/conversations/" + done.path("conversation_id").asText() + "/messages").json().get(1);
        assertThat(stored.path("content").asText()).isEqualTo("Once upon a time");
        assertThat(stored.path("status").asText()).isEqualTo("complete");
    }

    @Test
    void geminiStreamsDeltasAndRecordsItsUsage() throws Exception {
        // as the Gemini API streams: every chunk carries the usage so far and the model version
        String body = "data: {\"candidates\": [{\"content\": {\"role\": \"model\", \"parts\": [{\"text\": \"Hello\"}]},"
                + " \"index\": 0}], \"usageMetadata\": {\"promptTokenCount\": 7, \"totalTokenCount\": 7},"
                + " \"modelVersion\": \"gemini-2.0-flash\", \"responseId\": \"r1\"}\n\n"
                + "data: {\"candidates\": [{\"content\": {\"role\": \"model\", \"parts\": [{\"text\": \" there\"}]},"
                + " \"finishReason\": \"STOP\", \"index\": 0}], \"usageMetadata\": {\"promptTokenCount\": 7,"
                + " \"candidatesTokenCount\": 2, \"totalTokenCount\": 9}, \"modelVersion\": \"gemini-2.0-flash\","
                + " \"responseId\": \"r1\"}\n\n";
        STUB.stubFor(post(urlPathEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));

        List<JsonNode> events = sse("{\"input\": \"hi\", \"model\": \"gemini-2.0-flash\", \"stream\": true}");

        assertThat(events.subList(0, 2)).extracting(e -> e.path("delta").path("text").asText())
                .containsExactly("Hello", " there");
        assertThat(events.get(2).path("usage").path("input_tokens").asInt()).isEqualTo(7);
        assertThat(events.get(2).path("usage").path("output_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void aClientThatGoesAwayCancelsTheProviderCallAndTheTextSoFarIsKeptAsIncomplete() throws Exception {
        List<String> pieces = IntStream.range(0, 40).mapToObj(i -> " word" + i).toList();
        STUB.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("slow story"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(openAiStream(pieces)).withChunkedDribbleDelay(40, 8_000)));
        String conversation = api.post("/conversations", "{\"user_id\": \"leaver\"}").text("id");

        HttpResponse<java.io.InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request("{\"input\": \"slow story\", \"model\": \"gpt-4o\", \"stream\": true, \"conversation_id\": \"%s\"}"
                        .formatted(conversation)), HttpResponse.BodyHandlers.ofInputStream());
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String first;
            do {
                first = lines.readLine();
            } while (first != null && !first.startsWith("data: "));
            assertThat(first).contains("delta");
        }

        JsonNode reply = null;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && reply == null) {
            JsonNode messages = api.get("/conversations/" + conversation + "/messages").json();
            reply = messages.size() == 2 ? messages.get(1) : null;
            if (reply == null) {
                Thread.sleep(100); // waiting for the server to notice the client left, not timing it
            }
        }
        assertThat(reply).as("the cut reply was stored").isNotNull();
        assertThat(reply.path("status").asText()).isEqualTo("incomplete");
        assertThat(reply.path("content").asText()).startsWith(" word0").doesNotContain("word39");
    }

    @Test
    void aProviderThatFailsBeforeItsFirstChunkIsA503AndOnlyTheUsersMessageIsKept() {
        STUB.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("doomed stream"))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\": {\"message\": \"overloaded\"}}")));
        String conversation = api.post("/conversations", "{\"user_id\": \"doomed\"}").text("id");

        var reply = api.post("/chat", "{\"input\": \"doomed stream\", \"model\": \"gpt-4o\", \"stream\": true,"
                + " \"conversation_id\": \"%s\"}".formatted(conversation));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("provider_unavailable");
        JsonNode messages = api.get("/conversations/" + conversation + "/messages").json();
        assertThat(messages.findValuesAsText("role")).containsExactly("user");
    }
}
