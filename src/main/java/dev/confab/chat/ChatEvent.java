package dev.confab.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * One event of a streamed reply, in seed 003's shape: {@code {"delta": {"type": "text", "text": ...}}}
 * while the text streams, then {@code {"done": true, "conversation_id": ...}} with usage and cost.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatEvent(Delta delta, Boolean done, String conversationId, String messageId, String model,
        Usage usage, BigDecimal cost) {

    public record Delta(String type, String text) {
    }

    static ChatEvent delta(String text) {
        return new ChatEvent(new Delta("text", text), null, null, null, null, null, null);
    }

    static ChatEvent done(String conversationId, String messageId, String model, Usage usage, BigDecimal cost) {
        return new ChatEvent(null, true, conversationId, messageId, model, usage, cost);
    }
}
