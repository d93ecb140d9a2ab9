package dev.confab.conversation;

import java.util.Map;

/**
 * A conversation to start. With {@code onePerPersona}, a user gets back the conversation they
 * already have with that persona instead of a second one (seed 002's rule).
 */
public record NewConversation(String userId, String personaId, String title, Map<String, Object> metadata,
        ConversationSettings settings, Boolean onePerPersona) {
}
