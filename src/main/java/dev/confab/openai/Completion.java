package dev.confab.openai;

import java.util.List;

/** OpenAI's chat.completion answer, with the conversation it was stored in. */
public record Completion(String id, String object, long created, String model, List<Choice> choices,
        CompletionUsage usage, String conversationId) {

    public record Choice(int index, Said message, String finishReason) {
    }

    public record Said(String role, String content) {
    }
}
