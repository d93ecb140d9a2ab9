package dev.confab.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A provider that pauses half way through its stream, as a model does between tokens, over a real
 * connection. What it sent before the pause must reach the client during the pause: each provider
 * goes on only once the client has it, so a delta held back anywhere in Confab would hold the
 * provider back too, until the provider timeout ends the turn with an error instead of its answer.
 */
// 20 s: the timeout only ends a turn that is held back; the Gemini SDK counts it over the whole
// call, and on a loaded machine its first call alone can take seconds
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"confab.providers.timeout=20s", "confab.providers.max-attempts=1", "confab.providers.fallback="})
class PausedStreamTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HalfStreamProvider OPENAI = provider(
            StreamingProviderTests.openAiChunk("Half") + StreamingProviderTests.openAiChunk(" a")
                    + StreamingProviderTests.openAiChunk(" story"),
            StreamingProviderTests.openAiStream(List.of(" told")));
    static final HalfStreamProvider GEMINI = provider(
            geminiChunk("Half", null) + geminiChunk(" a", null) + geminiChunk(" story", null),
            geminiChunk(" told", "STOP"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("confab-paused").toString();
        registry.add("CONFAB_DATA_DIR", () -> data);
        registry.add("spring.ai.openai.api-key", () -> "sk-test");
        registry.add("spring.ai.openai.base-url", OPENAI::baseUrl);
        registry.add("spring.ai.google.genai.api-key", () -> "gemini-test");
        registry.add("spring.ai.google.genai.base-url", GEMINI::baseUrl);
        registry.add("spring.ai.google.genai.project-id", () -> "");
    }

    @AfterAll
    static void stop() {
        OPENAI.close();
        GEMINI.close();
    }

    @Test
    void everyOpenAiDeltaSentBeforeAPauseReachesTheClientDuringThePause() throws Exception {
        List<JsonNode> after = pausedTurn(OPENAI, "gpt-4o", "Half a story");

        assertThat(texts(after)).isEqualTo(" told");
        assertThat(after.get(after.size() - 1).path("done").asBoolean()).as("the turn ends with its answer").isTrue();
    }

    @Test
    void geminiDeltasReachTheClientWhileTheProviderIsStillStreaming() throws Exception {
        // Only the first delta is waited for: the Gemini SDK's ResponseStream reads the next event
        // before it hands out the current one, so the last event before a pause comes out after it.
        List<JsonNode> after = pausedTurn(GEMINI, "gemini-2.0-flash", "Half");

        assertThat(texts(after)).isEqualTo(" a story told");
        assertThat(after.get(after.size() - 1).path("done").asBoolean()).as("the turn ends with its answer").isTrue();
    }

    /**
     * Streams a turn from {@code provider}, paused after its first part; resumes it once the client
     * has read {@code beforePause}, and answers the events that came after.
     */
    private List<JsonNode> pausedTurn(HalfStreamProvider provider, String model, String beforePause) throws Exception {
        provider.then(HalfStreamProvider.Then.PAUSE);
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chat"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"input\": \"story\", \"model\": \"%s\", \"stream\": true}".formatted(model)))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        try (Stream<String> lines = response.body()) {
            Iterator<JsonNode> events = lines.filter(l -> l.startsWith("data: ") && !l.equals("data: [DONE]"))
                    .map(l -> parse(l.substring(6))).iterator();
            StringBuilder seen = new StringBuilder();
            while (seen.length() < beforePause.length()) {
                JsonNode event = events.next();
                assertThat(event.has("delta")).as("a delta while the provider pauses, not %s", event).isTrue();
                seen.append(event.path("delta").path("text").asText());
            }
            assertThat(seen.toString()).isEqualTo(beforePause);
            provider.resume();
            List<JsonNode> after = new ArrayList<>();
            events.forEachRemaining(after::add);
            return after;
        }
    }

    private static String texts(List<JsonNode> events) {
        return events.stream().map(e -> e.path("delta").path("text").asText()).reduce("", String::concat);
    }

    /** One event as the Gemini API streams it: the usage so far and the model version ride along. */
    static String geminiChunk(String text, String finishReason) {
        return "data: {\"candidates\": [{\"content\": {\"role\": \"model\", \"parts\": [{\"text\": \"" + text + "\"}]},"
                + (finishReason == null ? "" : " \"finishReason\": \"" + finishReason + "\",")
                + " \"index\": 0}], \"usageMetadata\": {\"promptTokenCount\": 7, \"totalTokenCount\": 7},"
                + " \"modelVersion\": \"gemini-2.0-flash\", \"responseId\": \"r1\"}\n\n";
    }

    private static HalfStreamProvider provider(String firstPart, String rest) {
        try {
            return new HalfStreamProvider(firstPart, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
