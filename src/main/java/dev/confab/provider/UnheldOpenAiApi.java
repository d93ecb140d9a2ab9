package dev.confab.provider;

import java.util.List;
import org.springframework.ai.model.SimpleApiKey;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Spring AI's OpenAI client, with every streamed chunk followed at once by an empty one.
 *
 * <p>Spring AI 1.1's {@code OpenAiChatModel} pairs each chunk with the one after it
 * ({@code buffer(2, 1)}, to move the usage of the final chunk onto the one before it), so a chunk
 * leaves the model only when the next one arrives: every delta reached the client one provider gap
 * late, and the last one before a stall or a dropped connection never did. The empty chunk is that
 * next one: it has no choices, so it adds no text and no finish reason, and the real chunk goes on
 * as soon as it arrives. The empty chunks come out of the model as responses without a result,
 * which readers of a stream skip anyway. The final usage now comes twice, on the usage chunk and
 * moved onto the empty one before it; readers take the latest usage reported, so it counts once.
 */
final class UnheldOpenAiApi extends OpenAiApi {

    UnheldOpenAiApi(String baseUrl, String apiKey, RestClient.Builder rest, WebClient.Builder web) {
        // Spring AI's own paths; Spring's error handler keeps the status and headers (Retry-After), which ProviderFault reads
        super(baseUrl, new SimpleApiKey(apiKey), new LinkedMultiValueMap<>(), "/v1/chat/completions", "/v1/embeddings",
                rest, web, new DefaultResponseErrorHandler());
    }

    @Override
    public Flux<ChatCompletionChunk> chatCompletionStream(ChatCompletionRequest request,
            MultiValueMap<String, String> headers) {
        return super.chatCompletionStream(request, headers).concatMapIterable(chunk -> List.of(chunk, emptyAfter(chunk)));
    }

    /** Same id and model as {@code chunk}, so the model's metadata stays the same; nothing else. */
    private static ChatCompletionChunk emptyAfter(ChatCompletionChunk chunk) {
        return new ChatCompletionChunk(chunk.id(), List.of(), chunk.created(), chunk.model(), chunk.serviceTier(),
                chunk.systemFingerprint(), chunk.object(), null);
    }
}
