package dev.confab.seed.aimaker;

import com.fasterxml.jackson.annotation.JsonAlias;

/** Open a session from a chat config; {@code session_id} names one for get and update. */
public record SessionRequest(
        @JsonAlias("sessionId") String sessionId,
        @JsonAlias("chatConfigId") String chatConfigId,
        @JsonAlias("userId") String userId,
        String title,
        @JsonAlias("systemPrompt") String systemPrompt,
        String model,
        Double temperature) {
}
