package dev.confab.conversation;

/** A page of a conversation's messages, oldest first ({@code asc}, default) or newest first. */
public record MessageQuery(String id, Integer limit, Integer offset, String order) {
}
