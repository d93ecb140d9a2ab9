package dev.confab.seed.yral;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.conversation.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public record YralMessage(String id, String role, String content, String messageType, List<String> mediaUrls,
        String audioUrl, Integer tokenCount, Instant createdAt) {

    static YralMessage of(Message m) {
        List<String> media = new ArrayList<>();
        if (m.parts() != null) {
            for (JsonNode part : m.parts()) {
                JsonNode url = part.path("image_url").path("url");
                if (url.isTextual()) {
                    media.add(url.asText());
                }
            }
        }
        return new YralMessage(m.id(), m.role(), m.content(), m.messageType(), media, null, m.tokenCount(),
                m.createdAt());
    }
}
