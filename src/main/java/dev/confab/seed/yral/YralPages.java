package dev.confab.seed.yral;

import java.util.List;

/** The list answers of seed 002. */
final class YralPages {

    private YralPages() {
    }

    record Conversations(List<YralConversation> conversations, long total, int limit, int offset) {
    }

    record Messages(String conversationId, List<YralMessage> messages, long total, int limit, int offset) {
    }

    record Exchange(YralMessage userMessage, YralMessage assistantMessage) {
    }

    record Removal(boolean success, String message, String conversationId) {
    }
}
