package dev.confab.conversation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A thread of messages between one user and the assistant, with running totals of what it cost. */
public record Conversation(
        String id,
        String userId,
        String personaId,
        String title,
        String summary,
        Map<String, Object> metadata,
        ConversationSettings settings,
        int messageCount,
        Totals usage,
        BigDecimal totalCost,
        boolean deleted,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Message lastMessage) {

    /** Token totals over every turn of the conversation. */
    public record Totals(long inputTokens, long outputTokens, long totalTokens) {

        public static Totals of(long input, long output) {
            return new Totals(input, output, input + output);
        }
    }

    public Conversation withLastMessage(Message message) {
        return new Conversation(id, userId, personaId, title, summary, metadata, settings, messageCount, usage,
                totalCost, deleted, version, createdAt, updatedAt, message);
    }
}
