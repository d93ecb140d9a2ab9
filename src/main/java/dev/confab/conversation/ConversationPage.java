package dev.confab.conversation;

import java.util.List;

public record ConversationPage(String object, List<Conversation> data, long total, int limit, int offset,
        boolean hasMore) {

    static ConversationPage of(List<Conversation> data, long total, int limit, int offset) {
        return new ConversationPage("list", data, total, limit, offset, offset + data.size() < total);
    }
}
