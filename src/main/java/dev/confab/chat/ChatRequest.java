package dev.confab.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One chat turn, in seed 003's shape: {@code input} is text or an array of parts
 * ({@code {"type":"text","text":...}}, {@code {"type":"image_url","image_url":{"url":...}}}).
 * {@code persona} is a persona id or name.
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
        Map<String, Object> metadata) {

    public static ChatRequest of(JsonNode input, String userId, String conversationId, String model,
            String instructions) {
        return new ChatRequest(input, userId, conversationId, null, model, instructions, false, null, null, null,
                null, null);
    }

    public ChatRequest withMessageType(String type) {
        return new ChatRequest(input, userId, conversationId, persona, model, instructions, stream, temperature,
                maxTokens, topP, type, metadata);
    }

    public ChatRequest withPersona(String newPersona) {
        return new ChatRequest(input, userId, conversationId, newPersona, model, instructions, stream, temperature,
                maxTokens, topP, messageType, metadata);
    }
}
