package dev.confab.seed.aimaker;

import java.time.Instant;
import java.util.List;

/** Seed 001's chat session, as its DynamoDB item reads; kept as a conversation. */
public record Session(String sessionId, String chatConfigId, String title, String systemPrompt, String model,
        Double temperature, List<Line> messages, Instant createdAt, Instant updatedAt) {

    public record Line(String role, String content) {
    }
}
