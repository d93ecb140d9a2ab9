package dev.confab.chat;

import dev.confab.common.Ids;
import dev.confab.common.Settings;
import dev.confab.conversation.Conversation;
import dev.confab.conversation.ConversationService;
import dev.confab.conversation.ConversationSettings;
import dev.confab.conversation.Message;
import dev.confab.conversation.NewConversation;
import dev.confab.conversation.NewMessage;
import dev.confab.persona.Persona;
import dev.confab.persona.PersonaService;
import dev.confab.provider.ChatModels;
import dev.confab.provider.ModelChoice;
import dev.confab.provider.ProviderCalls;
import dev.confab.provider.ProviderFailures;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tokenizer.TokenCountEstimator;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One chat turn. The user's message is always kept: a whole reply is stored together with it, in
 * one write (one commit on the embedded store instead of two), and when the provider fails the
 * user's message is stored alone. A stream stores the user's message before the provider is
 * called, as its reply arrives over time. The reply is stored with its usage and cost.
 */
@Service
public class ChatService {

    private static final int TITLE_LENGTH = 60;
    /** Compiled once: String.replaceAll compiles its pattern on every call (about 2% of a lone turn's CPU). */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final ConversationService conversations;
    private final PersonaService personas;
    private final ChatModels models;
    private final ProviderCalls calls;
    private final PriceTable prices;
    private final ChatSettings settings;
    private final TokenCountEstimator tokens;
    private final Clock clock;

    ChatService(ConversationService conversations, PersonaService personas, ChatModels models, ProviderCalls calls,
            PriceTable prices, ChatSettings settings, TokenCountEstimator tokens, Clock clock) {
        this.conversations = conversations;
        this.personas = personas;
        this.models = models;
        this.calls = calls;
        this.prices = prices;
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
    }

    public ChatReply reply(ChatRequest request) {
        Turn turn = begin(request);
        ProviderCalls.Answered answered;
        String text;
        Finished finished;
        try {
            answered = calls.call(turn.chain(), turn::prompt);
            ChatResponse response = answered.response();
            text = response.getResult().getOutput().getText() == null ? "" : response.getResult().getOutput().getText();
            finished = finish(turn, answered.by(), text, response.getMetadata().getUsage(), Message.COMPLETE, true);
        } catch (RuntimeException failed) {
            // the provider failed, or the question and reply could not be stored together
            keepQuestion(turn, failed);
            throw failed;
        }
        // no second read of the conversation: every message moves its counter by one, so the reply's
        // place is the message count, and the first user message names an untitled conversation
        Conversation before = turn.conversation();
        String title = before.title() != null ? before.title() : titleFrom(turn.input().text());
        return new ChatReply(Ids.prefixed("resp"), "response", clock.instant().getEpochSecond(),
                answered.by().model(), answered.by().provider().id(), text, before.id(), title,
                (int) finished.message().seq(), finished.usage(), finished.cost(), finished.question(), finished.message());
    }

    /**
     * One turn, streamed as the provider sends it: text deltas, then a final event with usage and
     * cost. The reply is stored when the stream ends; a stream cut by the client or the provider is
     * stored as incomplete with the text so far, and cancelling the returned stream cancels the
     * provider call. Retries and fallbacks happen only before the first delta.
     */
    public Flux<ChatEvent> stream(ChatRequest request) {
        Turn turn = begin(request);
        store(turn, List.of(turn.question()));
        StreamedReply reply = new StreamedReply(turn.chain().get(0));
        return calls.stream(turn.chain(), turn::prompt)
                .<ChatEvent>handle((chunk, sink) -> {
                    String delta = reply.add(chunk.by(), chunk.response());
                    if (!delta.isEmpty()) {
                        sink.next(ChatEvent.delta(delta));
                    }
                })
                .concatWith(Mono.defer(() -> reply.finished()
                        ? Mono.justOrEmpty(reply.once(() -> done(turn, reply)))
                        : Mono.error(ProviderFailures.endedEarly(reply.by()))))
                .doOnCancel(() -> reply.once(() -> cut(turn, reply)))
                .onErrorMap(failure -> {
                    reply.once(() -> cut(turn, reply));
                    return ProviderFailures.translate(failure, reply.by());
                });
    }

    private ChatEvent done(Turn turn, StreamedReply reply) {
        Finished finished = finish(turn, reply.by(), reply.text(), reply.usage(), Message.COMPLETE, false);
        return ChatEvent.done(turn.conversation().id(), finished.message().id(), reply.by().model(),
                finished.usage(), finished.cost());
    }

    /** A cut stream keeps the text it had; with no text yet there is no reply to keep. */
    private ChatEvent cut(Turn turn, StreamedReply reply) {
        if (!reply.text().isEmpty()) {
            finish(turn, reply.by(), reply.text(), reply.usage(), Message.INCOMPLETE, false);
        }
        return null;
    }

    /**
     * A turn made ready: the conversation, the prompt's parts, the user's message to store.
     *
     * @param starts whether the turn starts the conversation, which is then stored with its first write
     */
    private record Turn(Conversation conversation, boolean starts, List<ModelChoice> chain, TurnSettings settings,
            List<Message> history, UserInput input, NewMessage question) {

        /** The prompt for whichever provider answers: the same turn, that provider's model. */
        Prompt prompt(ModelChoice choice) {
            return TurnPrompt.of(settings.withModel(choice.model()), history, input);
        }
    }

    /** @param question the user's message, when it was stored with the reply */
    private record Finished(Message question, Message message, Usage usage, BigDecimal cost) {
    }

    private Turn begin(ChatRequest request) {
        UserInput input = UserInput.parse(request.input(), settings.maxInputChars(), settings.maxImages());
        Settings.check(request.temperature(), request.topP(), request.maxTokens());
        // everything that can refuse the turn is checked before a new conversation is stored, so a
        // refused turn leaves no empty conversation behind
        Conversation existing = existingConversation(request);
        Persona persona = request.persona() != null ? personas.get(request.persona())
                : existing == null ? null : personas.find(existing.personaId()).orElse(null);
        TurnSettings settingsOfTurn = TurnSettings.resolve(persona,
                existing == null ? ConversationSettings.NONE : existing.settings(), request);
        List<ModelChoice> chain = models.chain(settingsOfTurn.model());
        // a new conversation is stored with the turn's first write, so a turn that stores nothing
        // leaves no conversation either
        Conversation conversation = existing != null ? existing : conversations.draft(new NewConversation(
                request.userId(), request.persona(), null, request.metadata(), null, false));
        // a conversation with no message yet (one this turn has just started) has no history to read
        List<Message> history = request.history() != null ? supplied(request.history())
                : conversation.messageCount() == 0 ? List.of()
                : conversations.history(conversation.id(), settings.historyMessages());
        NewMessage question = new NewMessage(Message.USER, input.text(), input.parts(), messageType(request, input),
                Message.COMPLETE, null, tokens.estimate(input.text()), 0, 0, BigDecimal.ZERO, titleFrom(input.text()));
        return new Turn(conversation, existing == null, chain, settingsOfTurn, history, input, question);
    }

    /**
     * Stores the assistant's reply with what the turn used and cost, after the user's message in the
     * same write when that is not stored yet; counts tokens when the provider did not.
     */
    private Finished finish(Turn turn, ModelChoice by, String text, org.springframework.ai.chat.metadata.Usage reported,
            String status, boolean withQuestion) {
        int in = reported != null && reported.getPromptTokens() != null && reported.getPromptTokens() > 0
                ? reported.getPromptTokens() : estimate(turn.prompt(by));
        int out = reported != null && reported.getCompletionTokens() != null && reported.getCompletionTokens() > 0
                ? reported.getCompletionTokens() : tokens.estimate(text);
        BigDecimal cost = prices.cost(by.model(), in, out);
        NewMessage answer = new NewMessage(Message.ASSISTANT, text, null, "text", status, by.model(), out, in, out, cost,
                null);
        if (!withQuestion) {
            return new Finished(null, conversations.append(turn.conversation().id(), answer), Usage.of(in, out), cost);
        }
        List<Message> both = store(turn, List.of(turn.question(), answer));
        return new Finished(both.get(0), both.get(1), Usage.of(in, out), cost);
    }

    /** A whole turn that fails before its reply is stored still keeps the user's message. */
    private void keepQuestion(Turn turn, RuntimeException failure) {
        try {
            store(turn, List.of(turn.question()));
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    /** The turn's first write stores the conversation it starts, with these messages. */
    private List<Message> store(Turn turn, List<NewMessage> messages) {
        return turn.starts() ? conversations.startWith(turn.conversation(), messages)
                : conversations.appendAll(turn.conversation().id(), messages);
    }

    /** A thread the caller keeps, as messages for the prompt; only user and assistant turns count. */
    private static List<Message> supplied(List<ChatRequest.Turn> turns) {
        return turns.stream()
                .filter(t -> Message.USER.equals(t.role()) || Message.ASSISTANT.equals(t.role()))
                .map(t -> new Message(null, null, 0, t.role(), t.content(), null, "text", Message.COMPLETE, null, null,
                        null))
                .toList();
    }

    /** The conversation the request continues, or null when it starts one. */
    private Conversation existingConversation(ChatRequest request) {
        if (request.conversationId() == null || request.conversationId().isBlank()) {
            return null;
        }
        return request.userId() == null ? conversations.get(request.conversationId())
                : conversations.getOwned(request.conversationId(), request.userId());
    }

    private int estimate(Prompt prompt) {
        return prompt.getInstructions().stream()
                .mapToInt(m -> m.getText() == null ? 0 : tokens.estimate(m.getText())).sum();
    }

    private static String messageType(ChatRequest request, UserInput input) {
        if (request.messageType() != null) {
            return request.messageType();
        }
        if (input.images().isEmpty()) {
            return "text";
        }
        return input.text().isBlank() ? "image" : "multimodal";
    }

    static String titleFrom(String text) {
        String line = SPACES.matcher(text.strip()).replaceAll(" ");
        if (line.isEmpty()) {
            return "Image";
        }
        if (line.length() <= TITLE_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', TITLE_LENGTH);
        return line.substring(0, cut > 20 ? cut : TITLE_LENGTH) + "...";
    }
}
