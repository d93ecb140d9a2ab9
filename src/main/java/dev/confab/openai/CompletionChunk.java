package dev.confab.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** OpenAI's chat.completion.chunk: one delta of a streamed completion. */
public record CompletionChunk(String id, String object, long created, String model, List<Choice> choices,
        @JsonInclude(JsonInclude.Include.NON_NULL) CompletionUsage usage) {

    public record Choice(int index, Delta delta, String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(String role, String content) {
    }
}
