package dev.confab.chat;

import dev.confab.conversation.Message;
import dev.confab.problem.Problem;
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

    /**
     * Only the chat function makes a reply; the reply adapters ({@code promptReply},
     * {@code completionReply}, ...) can also be called by name with a hand-made one, which must
     * then be whole.
     */
    public ChatReply {
        if (id == null || model == null || outputText == null || conversationId == null || usage == null) {
            throw Problem.invalid("chat_reply",
                    "a chat reply needs id, model, output_text, conversation_id and usage, as the chat function gives them");
        }
    }
}
