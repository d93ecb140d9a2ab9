package dev.confab.chat;

import dev.confab.conversation.Message;
import java.math.BigDecimal;

/**
 * The whole reply to a turn, in seed 003's shape, plus the two stored messages so that the seed
 * adapters can answer in their own shapes.
 */
public record ChatReply(
        String id,
        String object,
        long createdAt,
        String model,
        String provider,
        String outputText,
        String conversationId,
        String title,
        int messageCount,
        Usage usage,
        BigDecimal cost,
        Message userMessage,
        Message assistantMessage) {
}
