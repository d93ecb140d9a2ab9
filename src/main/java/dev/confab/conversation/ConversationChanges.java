package dev.confab.conversation;

import java.util.Map;

/** What a caller changes on a conversation; null fields stay as they are. */
public record ConversationChanges(String id, String title, Map<String, Object> metadata,
        ConversationSettings settings) {
}
