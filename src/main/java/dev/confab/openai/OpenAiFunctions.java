package dev.confab.openai;

import dev.confab.chat.ChatEvent;
import dev.confab.chat.ChatReply;
import dev.confab.chat.ChatRequest;
import dev.confab.chat.ChatService;
import dev.confab.common.Ids;
import dev.confab.persona.PersonaQuery;
import dev.confab.persona.PersonaService;
import dev.confab.provider.ChatModels;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

/**
 * The OpenAI-compatible API: any OpenAI client can talk to Confab, and to its personas as models.
 * Whole replies compose the core chat ({@code completionRequest|chat|completionReply}).
 */
@Configuration(proxyBeanMethods = false)
class OpenAiFunctions {

    static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gemini-2.5-flash",
            "gemini-2.5-pro", "gemini-2.0-flash", "local-offline");

    @Bean
    Function<CompletionRequest, ChatRequest> completionRequest(OpenAiCompatibility openAi) {
        return openAi::toTurn;
    }

    @Bean
    Function<ChatReply, Completion> completionReply() {
        return r -> new Completion("chatcmpl-" + r.id().substring(r.id().indexOf('_') + 1), "chat.completion",
                r.createdAt(), r.model(), List.of(new Completion.Choice(0, new Completion.Said("assistant", r.outputText()),
                        "stop")), CompletionUsage.of(r.usage()), r.conversationId());
    }

    @Bean
    Function<CompletionRequest, Flux<CompletionChunk>> completionStream(OpenAiCompatibility openAi, ChatService chat,
            Clock clock) {
        return request -> {
            ChatRequest turn = openAi.toTurn(request);
            String id = Ids.prefixed("chatcmpl").replace("chatcmpl_", "chatcmpl-");
            long created = clock.instant().getEpochSecond();
            String model = request.model();
            return Flux.concat(Flux.just(chunk(id, created, model, new CompletionChunk.Delta("assistant", ""), null, null)),
                    chat.stream(turn).map(event -> chunkOf(event, id, created, model)));
        };
    }

    @Bean
    Supplier<ModelList> listModels(PersonaService personas, ChatModels models, Clock clock) {
        return () -> {
            long now = clock.instant().getEpochSecond();
            List<ModelList.Model> data = new ArrayList<>();
            MODELS.forEach(id -> data.add(new ModelList.Model(id, "model", now, models.providerName(id))));
            for (int offset = 0; ; offset += 100) {
                var page = personas.list(new PersonaQuery(100, offset, true, null));
                page.data().forEach(p -> data.add(new ModelList.Model(p.name(), "model",
                        p.createdAt().getEpochSecond(), "confab-persona")));
                if (!page.hasMore()) {
                    return new ModelList("list", data);
                }
            }
        };
    }

    private static CompletionChunk chunkOf(ChatEvent event, String id, long created, String model) {
        if (Boolean.TRUE.equals(event.done())) {
            return chunk(id, created, model, new CompletionChunk.Delta(null, null), "stop",
                    CompletionUsage.of(event.usage()));
        }
        return chunk(id, created, model, new CompletionChunk.Delta(null, event.delta().text()), null, null);
    }

    private static CompletionChunk chunk(String id, long created, String model, CompletionChunk.Delta delta,
            String finish, CompletionUsage usage) {
        return new CompletionChunk(id, "chat.completion.chunk", created, model,
                List.of(new CompletionChunk.Choice(0, delta, finish)), usage);
    }
}
