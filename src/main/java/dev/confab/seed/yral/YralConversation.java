package dev.confab.seed.yral;

import dev.confab.conversation.Conversation;
import java.time.Instant;

public record YralConversation(String id, String userId, String influencerId, Influencer influencer,
        int messageCount, YralMessage lastMessage, Instant createdAt, Instant updatedAt) {

    static YralConversation of(Conversation c, Influencer influencer) {
        return new YralConversation(c.id(), c.userId(), c.personaId(), influencer, c.messageCount(),
                c.lastMessage() == null ? null : YralMessage.of(c.lastMessage()), c.createdAt(), c.updatedAt());
    }
}
