package dev.confab.seed.aimaker;

import dev.confab.chat.Usage;
import java.math.BigDecimal;

public record SessionReply(String sessionId, String reply, String model, Usage usage, BigDecimal cost) {
}
