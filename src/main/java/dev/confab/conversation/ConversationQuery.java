package dev.confab.conversation;

/** A user's conversations, newest first, optionally with one persona only. */
public record ConversationQuery(String userId, String personaId, Integer limit, Integer offset) {
}
