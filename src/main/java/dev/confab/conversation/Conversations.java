package dev.confab.conversation;

import java.util.List;
import java.util.Optional;

/** Where conversations and their messages live; one adapter per storage profile. */
public interface Conversations {

    /** Stores a new conversation; fails with a conflict when the user already has one with that persona. */
    Conversation insert(Conversation conversation, boolean onePerPersona);

    Optional<Conversation> byId(String id);

    Optional<Conversation> byUserAndPersona(String userId, String personaId);

    /** The user's live conversations, most recently active first. */
    List<Conversation> page(ConversationQuery query, int limit, int offset);

    long count(ConversationQuery query);

    /** Replaces title, metadata and settings if the version is still {@code conversation.version()}. */
    Conversation update(Conversation conversation);

    boolean softDelete(String id);

    boolean delete(String id);

    /**
     * Appends a message at the end of the conversation and adds its turn to the totals, as one
     * atomic step: concurrent appends each get their own place in order.
     */
    Message append(String conversationId, NewMessage message);

    /**
     * Appends the messages one after the other as one atomic step (a turn's question and its
     * answer): all are stored, at consecutive places, or none is.
     */
    List<Message> appendAll(String conversationId, List<NewMessage> messages);

    /**
     * Stores a new conversation (not one per user and persona) with its first messages, as one
     * atomic step: all is stored, or nothing.
     */
    List<Message> insertWith(Conversation conversation, List<NewMessage> messages);

    List<Message> messages(String conversationId, int limit, int offset, boolean newestFirst);

    /** The last {@code count} messages, oldest first: the history a model sees. */
    List<Message> recent(String conversationId, int count);

    long countMessages(String conversationId);
}
