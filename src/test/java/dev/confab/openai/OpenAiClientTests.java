package dev.confab.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.ServerTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Node client (npm "openai", installed by local/test) as a real client of the
 * OpenAI-compatible API: models, a persona as the model, a whole and a streamed completion, and a
 * refused request.
 */
class OpenAiClientTests extends ServerTests {

    private static final Path CLIENT = Path.of("src/test/node");

    @Test
    void theOfficialClientListsPersonasAndCompletesWholeAndStreamed() throws Exception {
        assertThat(CLIENT.resolve("node_modules/openai")).as("npm ci --prefix src/test/node (local/test runs it)")
                .isDirectory();
        String persona = "client-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/personas", "{\"name\": \"%s\", \"system_prompt\": \"You are a test persona.\"}".formatted(persona));

        Process node = new ProcessBuilder("node", "openai-client.mjs", "http://127.0.0.1:" + port + "/v1", persona)
                .directory(CLIENT.toFile()).redirectErrorStream(false).start();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the client finished").isTrue();
        String out = new String(node.getInputStream().readAllBytes());
        assertThat(node.exitValue()).as(new String(node.getErrorStream().readAllBytes())).isZero();
        JsonNode seen = new ObjectMapper().readTree(out);

        assertThat(seen.path("modelIds").toString()).contains(persona, "local-offline", "gpt-4o");
        assertThat(seen.path("whole").path("content").asText()).contains("Hello from the OpenAI client");
        assertThat(seen.path("whole").path("finish").asText()).isEqualTo("stop");
        assertThat(seen.path("whole").path("usage").path("total_tokens").asInt()).isPositive();
        assertThat(seen.path("stream").path("content").asText()).contains("Stream to the OpenAI client");
        assertThat(seen.path("stream").path("chunks").asInt()).isGreaterThan(3);
        assertThat(seen.path("stream").path("finish").asText()).isEqualTo("stop");
        assertThat(seen.path("refused").path("status").asInt()).isEqualTo(422);
        assertThat(seen.path("refused").path("code").asText()).isEqualTo("invalid_model");
    }

    @Test
    void aPersonaAsTheModelAnswersWithItsPromptAndTheClientsThreadIsTheHistory() {
        String persona = "thread-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/personas", "{\"name\": \"%s\", \"system_prompt\": \"You are terse.\"}".formatted(persona));
        var reply = api.post("/v1/chat/completions", """
                {"model": "%s", "messages": [{"role": "user", "content": "one"}, {"role": "assistant", "content": "uno"},
                 {"role": "user", "content": "two"}]}""".formatted(persona));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("choices").get(0).path("message").path("content").asText())
                .contains("two").contains("message 2 of this conversation");
        String conversation = reply.text("conversation_id");
        assertThat(api.get("/conversations/" + conversation).text("persona_id")).isNotBlank();
        assertThat(api.post("/v1/chat/completions", "{\"model\": \"local-offline\", \"messages\": []}").status())
                .isEqualTo(422);
    }
}
