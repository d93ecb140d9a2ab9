package dev.confab.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.Api.Reply;
import dev.confab.ServerTests;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Seed 000 (Broadcust): the prompt routes and the four system prompt routes, as its README shows them. */
abstract class BroadcustContract extends ServerTests {

    @Test
    void promptRoutesAnswerWithTheModelsTheyNameOrTheOfflineStandIn() {
        Reply gemini = api.post("/prompt-gemini", "{\"prompt\":\"What is AI?\"}");
        assertThat(gemini.status()).isEqualTo(200);
        assertThat(gemini.text("response")).contains("What is AI?").contains("not AI-generated");
        assertThat(gemini.text("model")).isEqualTo("local-offline");

        assertThat(api.post("/prompt", "{\"prompt\":\"hi\"}").json().path("usage").path("output_tokens").asInt())
                .isPositive();
        assertThat(api.post("/prompt-gemini-3", "{\"prompt\":\"long one\"}").status()).isEqualTo(200);
    }

    @Test
    void aPromptMayUseAStoredSystemPromptByName() {
        String name = "greet-" + UUID.randomUUID().toString().substring(0, 6);
        api.post("/system-prompt", "{\"name\": \"%s\", \"prompt\": \"You are a helpful assistant\"}".formatted(name));
        assertThat(api.post("/prompt", "{\"prompt\":\"hi\", \"system_prompt_name\": \"%s\"}".formatted(name)).status())
                .isEqualTo(200);
        Reply missing = api.post("/prompt", "{\"prompt\":\"hi\", \"system_prompt_name\": \"nope-nope\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("error")).contains("nope-nope");
    }

    @Test
    void systemPromptsAreCreatedReadUpdatedListedAndDeleted() {
        String name = "greeting-" + UUID.randomUUID().toString().substring(0, 6);
        Reply created = api.post("/system-prompt", "{\"name\": \"%s\", \"prompt\": \"You are a helpful assistant\"}"
                .formatted(name));
        assertThat(created.status()).isEqualTo(200);
        assertThat(api.get("/system-prompt?name=" + name).text("prompt")).isEqualTo("You are a helpful assistant");

        api.post("/system-prompt", "{\"name\": \"%s\", \"prompt\": \"Be terse\"}".formatted(name));
        assertThat(api.get("/system-prompt?name=" + name).text("prompt")).isEqualTo("Be terse");
        assertThat(api.get("/system-prompts").json().path("prompts").findValuesAsText("name")).contains(name);

        assertThat(api.send("DELETE", "/system-prompt?name=" + name, null).status()).isEqualTo(200);
        Reply gone = api.get("/system-prompt?name=" + name);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text("error")).contains(name);
    }

    @Test
    void missingFieldsAreRefusedInTheLambdaEnvelope() {
        Reply noPrompt = api.post("/prompt", "{}");
        assertThat(noPrompt.status()).isEqualTo(422);
        assertThat(noPrompt.text("error")).contains("prompt");
        assertThat(api.post("/system-prompt", "{\"name\": \"x\"}").status()).isEqualTo(422);
        assertThat(api.get("/system-prompt").status()).isEqualTo(422);
        assertThat(api.post("/prompt", "not json").status()).isEqualTo(400);
    }
}
