package dev.confab.door.websocket;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.confab.door.ValidText;
import dev.confab.problem.Problem;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * What a client sends: {@code {"type": "chat", "data": {"message", "conversation_id", "user_id",
 * "voice"}}}. Fields the protocol does not know are ignored, so newer clients still talk to this server.
 */
record ChatMessage(
        @JsonProperty("message") String message,
        @JsonProperty("conversation_id") String conversationId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("voice") Boolean voice) {

    static final String TYPE = "chat";

    boolean spoken() {
        return Boolean.TRUE.equals(voice);
    }

    /** Reads a client's message, or says in a problem why it cannot be used. */
    static ChatMessage parse(String text, ObjectMapper mapper, int maxChars) {
        JsonNode frame;
        try {
            frame = mapper.readTree(text);
        } catch (IOException e) {
            throw Problem.badRequest("malformed_json", "a message must be a JSON object");
        }
        if (frame == null || !frame.isObject()) {
            throw Problem.badRequest("malformed_json", "a message must be a JSON object");
        }
        ValidText.require(frame);
        String type = frame.path("type").asText("");
        if (!TYPE.equals(type)) {
            throw Problem.badRequest("unknown_type", type.isEmpty() ? "a message needs a \"type\"; send \"chat\""
                    : "unknown message type '" + type + "'; send \"chat\"");
        }
        JsonNode data = frame.path("data");
        if (!data.isObject()) {
            throw Problem.invalid("data", "a chat message needs \"data\": {\"message\": ...}");
        }
        ChatMessage chat;
        try {
            chat = mapper.treeToValue(data, ChatMessage.class);
        } catch (MismatchedInputException e) {
            String field = fieldOf(e);
            throw Problem.invalid(field, "field '" + field + "' has the wrong type");
        } catch (IOException e) {
            throw Problem.invalid("data", "data does not fit a chat message: " + e.getMessage());
        }
        if (chat.message() == null || chat.message().isBlank()) {
            throw Problem.invalid("message", "data.message is required and must not be blank");
        }
        if (chat.message().length() > maxChars) {
            throw Problem.invalid("message", "data.message must be at most " + maxChars + " characters");
        }
        return chat;
    }

    private static String fieldOf(JsonMappingException e) {
        String path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(name -> name != null).collect(Collectors.joining("."));
        return path.isEmpty() ? "data" : path;
    }
}
