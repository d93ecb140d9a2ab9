package dev.confab.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.common.Settings;
import dev.confab.problem.Problem;
import java.util.List;
import java.util.Map;

/**
 * One chat turn, in seed 003's shape: {@code input} is text or an array of parts
 * ({@code {"type":"text","text":...}}, {@code {"type":"image_url","image_url":{"url":...}}}).
 * {@code persona} is a persona id or name. {@code history}, when given, is the earlier turns as the
 * caller keeps them (an OpenAI-style client sends the whole thread each time); otherwise the
 * history comes from storage.
 */
public record ChatRequest(
        JsonNode input,
        String userId,
        String conversationId,
        String persona,
        String model,
        String instructions,
        Boolean stream,
        Double temperature,
        Integer maxTokens,
        Double topP,
        String messageType,
        Map<String, Object> metadata,
        List<Turn> history) {

    /** As long as a message type may be where messages are stored (messages.message_type). */
    static final int MAX_MESSAGE_TYPE = 20;

    /**
     * Checked here, where every door and adapter builds a turn, so that a model or message type
     * the turn could not store is refused before anything is stored.
     */
    public ChatRequest {
        Settings.checkModel(model);
        if (messageType != null && messageType.length() > MAX_MESSAGE_TYPE) {
            throw Problem.invalid("message_type", "message_type must be at most " + MAX_MESSAGE_TYPE + " characters");
        }
    }

    /** One earlier message of a thread the caller keeps: role user or assistant, and its text. */
    public record Turn(String role, String content) {
    }

    public static ChatRequest of(JsonNode input, String userId, String conversationId, String model,
            String instructions) {
        return new ChatRequest(input, userId, conversationId, null, model, instructions, false, null, null, null,
                null, null, null);
    }

    public ChatRequest withMessageType(String type) {
        return new ChatRequest(input, userId, conversationId, persona, model, instructions, stream, temperature,
                maxTokens, topP, type, metadata, history);
    }

    public ChatRequest withPersona(String newPersona) {
        return new ChatRequest(input, userId, conversationId, newPersona, model, instructions, stream, temperature,
                maxTokens, topP, messageType, metadata, history);
    }
}
