package dev.confab.door.websocket;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.confab.chat.ChatEvent;
import dev.confab.chat.ChatRequest;
import dev.confab.chat.ChatService;
import dev.confab.chat.ChatSettings;
import dev.confab.conversation.Conversation;
import dev.confab.conversation.ConversationService;
import dev.confab.conversation.NewConversation;
import dev.confab.persona.Persona;
import dev.confab.persona.PersonaService;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import dev.confab.problem.StorageFailures;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One chat message to the frames of its reply: typing, a chunk per delta as the provider sends it,
 * then complete; any failure is an error frame. The turn itself is ChatService's: it stores the
 * user's message first and the reply when the stream ends, and cancelling the frames cancels the
 * provider call and keeps the text so far as an incomplete reply.
 */
final class BrandTurns {

    static final String VOICE_INSTRUCTION = "Your answer will be spoken aloud: answer in at most two short"
            + " sentences, in plain words, with no lists, no markdown and no emoji.";
    static final int VOICE_MAX_TOKENS = 150;

    private static final Logger log = LoggerFactory.getLogger(BrandTurns.class);

    private final ChatService chat;
    private final PersonaService personas;
    private final ConversationService conversations;
    private final ChatSettings settings;

    BrandTurns(ChatService chat, PersonaService personas, ConversationService conversations, ChatSettings settings) {
        this.chat = chat;
        this.personas = personas;
        this.conversations = conversations;
        this.settings = settings;
    }

    /** A brand is a persona, found by id or name; an inactive one takes no chats (seed 004). */
    Optional<Persona> brand(String idOrName) {
        return personas.find(idOrName).filter(Persona::active);
    }

    int maxInputChars() {
        return settings.maxInputChars();
    }

    /** The frames of one turn; nothing runs until they are subscribed to. */
    Flux<Frame> frames(String brand, ChatMessage message) {
        return Flux.defer(() -> {
            Plan plan = plan(brand, message);
            return chat.stream(plan.request()).mapNotNull(plan::frameOf)
                    .onErrorResume(failure -> Mono.just(Frame.error(problemOf(failure), plan.conversationId())));
        }).onErrorResume(failure -> Mono.just(Frame.error(problemOf(failure), null)))
                .startWith(Frame.typing());
    }

    /**
     * What the turn sends to ChatService, and the conversation it belongs to, known before the first
     * chunk because every chunk names it (ChatService would only say at the end).
     *
     * @param maxTokens the limit the turn runs with, or null; the confidence score looks at it
     */
    private record Plan(ChatRequest request, String conversationId, Integer maxTokens) {

        Frame frameOf(ChatEvent event) {
            if (event.delta() != null) {
                return Frame.chunk(event.delta().text(), conversationId);
            }
            if (Boolean.TRUE.equals(event.done())) {
                int out = event.usage() == null ? 0 : event.usage().outputTokens();
                return Frame.complete(conversationId, Confidence.of(out, maxTokens));
            }
            return null;
        }
    }

    private Plan plan(String brandKey, ChatMessage message) {
        // looked up again on every turn: the brand's prompt and settings may have changed since the connection opened
        Persona brand = brand(brandKey).orElseThrow(() -> brandNotFound(brandKey));
        Conversation conversation = conversationFor(brand, message);
        Integer configured = conversation.settings() != null && conversation.settings().maxTokens() != null
                ? conversation.settings().maxTokens() : brand.maxTokens();
        Integer voiceLimit = message.spoken()
                ? (configured == null ? VOICE_MAX_TOKENS : Math.min(configured, VOICE_MAX_TOKENS)) : null;
        ChatRequest request = new ChatRequest(TextNode.valueOf(message.message()), message.userId(),
                conversation.id(), brand.id(), null, message.spoken() ? VOICE_INSTRUCTION : null, true, null,
                voiceLimit, null, null, null, null);
        return new Plan(request, conversation.id(), voiceLimit != null ? voiceLimit : configured);
    }

    /** A new conversation with the brand, or the one named, which must be this brand's: brands are kept apart. */
    private Conversation conversationFor(Persona brand, ChatMessage message) {
        String id = message.conversationId();
        if (id == null || id.isBlank()) {
            return conversations.create(new NewConversation(message.userId(), brand.id(), null,
                    Map.of("channel", "websocket"), null, false));
        }
        Conversation conversation = message.userId() == null ? conversations.get(id)
                : conversations.getOwned(id, message.userId());
        if (!brand.id().equals(conversation.personaId())) {
            throw Problem.notFound("conversation", id);
        }
        return conversation;
    }

    static Problem brandNotFound(String brand) {
        return new Problem(ProblemKind.NOT_FOUND, Frame.BRAND_NOT_FOUND,
                "brand '" + brand + "' was not found or is not active");
    }

    /** As the HTTP doors say it: a problem as it is, storage trouble as StorageFailures says, anything else logged and internal. */
    static Problem problemOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Problem problem) {
                if (problem.kind().status() >= 500 && problem.getCause() != null) {
                    log.warn("websocket turn: {}: {}", problem.code(), problem.getMessage());
                }
                return problem;
            }
            if (t instanceof DataAccessException storage) {
                return StorageFailures.problemOf(storage, "a websocket turn");
            }
        }
        log.error("websocket turn failed", failure);
        return new Problem(ProblemKind.INTERNAL, "internal_error", "the server failed to handle this message",
                Map.of(), failure);
    }
}
