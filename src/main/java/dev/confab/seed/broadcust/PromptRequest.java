package dev.confab.seed.broadcust;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * Seed 000's chat body: {@code {"prompt": "..."}}, optionally with a system prompt as text or by
 * the name of a stored one. The route fixes the model (GPT-4o, Gemini 2.0 Flash, Gemini 3 Pro).
 */
public record PromptRequest(
        String prompt,
        @JsonAlias("systemPrompt") String systemPrompt,
        @JsonAlias({"systemPromptName", "system_prompt_id"}) String systemPromptName,
        @JsonAlias("UserID") String userId,
        String conversationId,
        String model) {
}
