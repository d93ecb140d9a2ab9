package dev.confab.seed.broadcust;

import dev.confab.chat.Usage;
import java.math.BigDecimal;

public record PromptReply(String response, String model, String conversationId, Usage usage, BigDecimal cost) {
}
