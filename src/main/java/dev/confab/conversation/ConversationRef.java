package dev.confab.conversation;

/** Names one conversation. */
public record ConversationRef(String id) {
}
