package dev.confab.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A provider's stream that breaks half way, over a real connection: dropped with a reset, or gone
 * quiet for longer than the timeout. The client has had the first deltas, so the turn ends with an
 * error event, nothing is asked of another provider, and the text so far is kept as incomplete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"confab.providers.timeout=1s", "confab.providers.max-attempts=3",
                "confab.providers.backoff=10ms"})
class StreamCutTests {

    static final HalfStreamProvider OPENAI;

    static {
        try {
            OPENAI = new HalfStreamProvider(
                    StreamingProviderTests.openAiChunk("Half") + StreamingProviderTests.openAiChunk(" a") + StreamingProviderTests.openAiChunk(" story"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("confab-cut").toString();
        registry.add("CONFAB_DATA_DIR", () -> data);
        registry.add("spring.ai.openai.api-key", () -> "sk-test");
        registry.add("spring.ai.openai.base-url", OPENAI::baseUrl);
        registry.add("spring.ai.google.genai.api-key", () -> "");
        registry.add("spring.ai.google.genai.project-id", () -> "");
    }

    @AfterAll
    static void stop() {
        OPENAI.close();
    }

    @Test
    void aStreamWhoseConnectionDropsHalfWayEndsWithAnErrorEventAndIsKeptAsIncomplete() throws Exception {
        OPENAI.then(HalfStreamProvider.Then.DROP);
        // how much of what came just before a reset gets through is up to the network stacks
        assertThat(cutHalfWay()).startsWith("Half");
    }

    @Test
    void aStreamThatGoesQuietHalfWayTimesOutAfterEveryDeltaItSentAndIsKeptAsIncomplete() throws Exception {
        OPENAI.then(HalfStreamProvider.Then.STALL);
        // the provider sent all three before going quiet: none may wait for a chunk that never comes
        assertThat(cutHalfWay()).isEqualTo("Half a story");
    }

    /** Streams a turn the provider cuts; checks that it ends in an error event and answers the text the client saw. */
    private String cutHalfWay() throws Exception {
        Api api = new Api(port);
        String conversation = api.post("/conversations", "{\"user_id\": \"cut\"}").text("id");

        List<JsonNode> events = StubbedProviderTests.sse(port, "{\"input\": \"story\", \"model\": \"gpt-4o\", \"stream\": true,"
                + " \"conversation_id\": \"%s\"}".formatted(conversation));

        String seen = events.stream().map(e -> e.path("delta").path("text").asText()).reduce("", String::concat);
        assertThat(events.get(events.size() - 1).path("error").path("code").asText()).isEqualTo("provider_stream_cut");
        assertThat(events).noneMatch(e -> e.path("done").asBoolean());
        JsonNode stored = api.get("/conversations/" + conversation + "/messages").json();
        assertThat(stored.findValuesAsText("role")).containsExactly("user", "assistant");
        assertThat(stored.get(1).path("content").asText()).as("what the client saw is what is kept").isEqualTo(seen);
        assertThat(stored.get(1).path("status").asText()).isEqualTo("incomplete");
        return seen;
    }
}
