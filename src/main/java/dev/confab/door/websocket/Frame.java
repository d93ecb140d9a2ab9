package dev.confab.door.websocket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.confab.problem.Problem;
import java.util.List;

/**
 * One message the server sends, {@code {"type": ..., "data": {...}}}. Field names are spelled out
 * because they are seed 004's wire protocol, whatever the application's JSON naming becomes.
 */
record Frame(@JsonProperty("type") String type, @JsonProperty("data") Object data) {

    static final String BRAND_NOT_FOUND = "brand_not_found";

    /** Sent as soon as a chat message is accepted, before the provider answers; complete or error ends it. */
    record Typing(@JsonProperty("is_typing") boolean isTyping) {
    }

    /** A chunk or the final message; the seed sends null products and score in chunks, so nulls are written. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Reply(
            @JsonProperty("content") String content,
            @JsonProperty("is_final") boolean isFinal,
            @JsonProperty("conversation_id") String conversationId,
            @JsonProperty("suggested_products") List<Object> suggestedProducts,
            @JsonProperty("confidence_score") Double confidenceScore) {
    }

    /** {@code conversation_id} is there once the turn has one, so a client can retry in the same conversation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Failure(
            @JsonProperty("message") String message,
            @JsonProperty("code") String code,
            @JsonProperty("conversation_id") String conversationId) {
    }

    static Frame typing() {
        return new Frame("typing", new Typing(true));
    }

    static Frame chunk(String text, String conversationId) {
        return new Frame("chunk", new Reply(text, false, conversationId, null, null));
    }

    /** The end of a reply. There is no product catalog yet, so nothing is suggested. */
    static Frame complete(String conversationId, double confidence) {
        return new Frame("complete", new Reply("", true, conversationId, List.of(), confidence));
    }

    static Frame error(Problem problem, String conversationId) {
        return new Frame("error", new Failure(problem.getMessage(), problem.code(), conversationId));
    }

    /** Whether this frame is the turn's last: complete, or error. */
    boolean endsTurn() {
        return type.equals("complete") || type.equals("error");
    }

    boolean isError(String code) {
        return data instanceof Failure failure && failure.code().equals(code);
    }
}
