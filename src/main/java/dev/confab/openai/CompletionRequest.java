package dev.confab.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * OpenAI's Chat Completions request. {@code model} is a model id or a persona's name;
 * {@code conversation_id} (Confab's extension) continues a stored conversation instead of the
 * thread the client sends.
 */
public record CompletionRequest(
        String model,
        List<Line> messages,
        Boolean stream,
        Double temperature,
        Double topP,
        Integer maxTokens,
        Integer maxCompletionTokens,
        String user,
        String conversationId) {

    /** One message; {@code content} is text or an array of parts (text, image_url). */
    public record Line(String role, JsonNode content) {
    }
}
