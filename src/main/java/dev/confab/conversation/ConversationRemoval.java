package dev.confab.conversation;

/** Delete a conversation: soft (default, keeps the data, hides it) or hard (removes its messages too). */
public record ConversationRemoval(String id, Boolean soft) {
}
