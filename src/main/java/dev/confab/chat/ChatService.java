package dev.confab.chat;

import dev.confab.common.Ids;
import dev.confab.common.Settings;
import dev.confab.conversation.Conversation;
import dev.confab.conversation.ConversationService;
import dev.confab.conversation.Message;
import dev.confab.conversation.NewConversation;
import dev.confab.conversation.NewMessage;
import dev.confab.persona.Persona;
import dev.confab.persona.PersonaService;
import dev.confab.provider.ChatModels;
import dev.confab.provider.ModelChoice;
import dev.confab.provider.ProviderFailures;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tokenizer.TokenCountEstimator;
import org.springframework.stereotype.Service;

/**
 * One chat turn: the user's message is stored before the provider is called, so it is kept
 * whatever the provider does; the reply is stored with its usage and cost.
 */
@Service
public class ChatService {

    private static final int TITLE_LENGTH = 60;

    private final ConversationService conversations;
    private final PersonaService personas;
    private final ChatModels models;
    private final PriceTable prices;
    private final ChatSettings settings;
    private final TokenCountEstimator tokens;
    private final Clock clock;

    ChatService(ConversationService conversations, PersonaService personas, ChatModels models, PriceTable prices,
            ChatSettings settings, TokenCountEstimator tokens, Clock clock) {
        this.conversations = conversations;
        this.personas = personas;
        this.models = models;
        this.prices = prices;
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
    }

    public ChatReply reply(ChatRequest request) {
        UserInput input = UserInput.parse(request.input(), settings.maxInputChars(), settings.maxImages());
        Settings.check(request.temperature(), request.topP(), request.maxTokens());
        Conversation conversation = conversationFor(request);
        Persona persona = request.persona() != null ? personas.get(request.persona())
                : personas.find(conversation.personaId()).orElse(null);
        TurnSettings turn = TurnSettings.resolve(persona, conversation.settings(), request);
        ModelChoice choice = models.choose(turn.model());
        List<Message> history = conversations.history(conversation.id(), settings.historyMessages());

        Message userMessage = conversations.append(conversation.id(), new NewMessage(Message.USER, input.text(),
                input.parts(), messageType(request, input), Message.COMPLETE, null, tokens.estimate(input.text()),
                0, 0, BigDecimal.ZERO, titleFrom(input.text())));

        Prompt prompt = TurnPrompt.of(turn.withModel(choice.model()), history, input);
        ChatResponse response;
        try {
            response = choice.chatModel().call(prompt);
        } catch (RuntimeException failure) {
            throw ProviderFailures.translate(failure, choice);
        }
        String text = response.getResult() == null || response.getResult().getOutput().getText() == null ? ""
                : response.getResult().getOutput().getText();
        var usage = response.getMetadata().getUsage();
        int in = usage.getPromptTokens() != null && usage.getPromptTokens() > 0 ? usage.getPromptTokens()
                : estimate(prompt);
        int out = usage.getCompletionTokens() != null && usage.getCompletionTokens() > 0 ? usage.getCompletionTokens()
                : tokens.estimate(text);
        BigDecimal cost = prices.cost(choice.model(), in, out);
        Message reply = conversations.append(conversation.id(), new NewMessage(Message.ASSISTANT, text, null, "text",
                Message.COMPLETE, choice.model(), out, in, out, cost, null));

        Conversation after = conversations.get(conversation.id());
        return new ChatReply(Ids.prefixed("resp"), "response", clock.instant().getEpochSecond(), choice.model(),
                choice.provider().id(), text, after.id(), after.title(), after.messageCount(),
                Usage.of(in, out), cost, userMessage, reply);
    }

    private Conversation conversationFor(ChatRequest request) {
        if (request.conversationId() != null && !request.conversationId().isBlank()) {
            return request.userId() == null ? conversations.get(request.conversationId())
                    : conversations.getOwned(request.conversationId(), request.userId());
        }
        return conversations.create(new NewConversation(request.userId(), request.persona(), null, request.metadata(),
                null, false));
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
        String line = text.strip().replaceAll("\\s+", " ");
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
