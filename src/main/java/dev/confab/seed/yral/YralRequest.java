package dev.confab.seed.yral;

import java.util.List;

/**
 * Every seed 002 conversation call: {@code user_id} comes only from the caller's identity header,
 * {@code id} from the path; the rest from body or query.
 */
public record YralRequest(
        String id,
        String userId,
        String influencerId,
        Integer limit,
        Integer offset,
        String order,
        String content,
        String messageType,
        List<String> mediaUrls,
        String audioUrl,
        Integer audioDurationSeconds) {
}
