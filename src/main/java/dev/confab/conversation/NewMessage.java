package dev.confab.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A message to append, with what its turn adds to the conversation's totals and the title to
 * give the conversation if it has none yet.
 */
public record NewMessage(
        String role,
        String content,
        JsonNode parts,
        String messageType,
        String status,
        String model,
        Integer tokenCount,
        long inputTokens,
        long outputTokens,
        BigDecimal cost,
        String titleIfUntitled) {
}
