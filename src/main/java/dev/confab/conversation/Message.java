package dev.confab.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One stored message. {@code parts} keeps multimodal input as it was sent (seed 003's format);
 * {@code content} is its text. {@code status} is {@code complete}, or {@code incomplete} for a
 * reply that was cut off.
 */
public record Message(
        String id,
        String conversationId,
        long seq,
        String role,
        String content,
        JsonNode parts,
        String messageType,
        String status,
        String model,
        Integer tokenCount,
        Instant createdAt) {

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE = "incomplete";
}
