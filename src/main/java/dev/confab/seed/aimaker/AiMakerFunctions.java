package dev.confab.seed.aimaker;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.confab.chat.ChatReply;
import dev.confab.chat.ChatRequest;
import dev.confab.common.Ids;
import dev.confab.common.Settings;
import dev.confab.conversation.Conversation;
import dev.confab.conversation.ConversationChanges;
import dev.confab.conversation.ConversationService;
import dev.confab.conversation.ConversationSettings;
import dev.confab.conversation.Message;
import dev.confab.conversation.MessageQuery;
import dev.confab.conversation.NewConversation;
import dev.confab.persona.Persona;
import dev.confab.persona.PersonaDraft;
import dev.confab.persona.PersonaService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Seed 001 (AI Maker): chat configs are personas, sessions are conversations that copy the
 * config's settings, and {@code /session-message} is a pipeline around the core chat.
 */
@Configuration(proxyBeanMethods = false)
class AiMakerFunctions {

    static final String DEFAULT_MODEL = "gemini-2.5-flash";

    @Bean
    Function<ChatConfig, ChatConfig> createChatConfig(PersonaService personas) {
        return c -> {
            String id = Ids.uuid();
            PersonaDraft draft = new PersonaDraft(id, "chat-config-" + id, c.title(), null, "chat-config", null,
                    c.systemPrompt(), c.model() == null ? DEFAULT_MODEL : c.model(), c.temperature(), null, null, null,
                    null, null, null, true, true, null);
            return view(personas.create(draft));
        };
    }

    @Bean
    Function<ChatConfigRef, ChatConfig> getChatConfig(PersonaService personas) {
        return ref -> view(personas.get(ref.chatConfigId()));
    }

    @Bean
    Function<ChatConfig, ChatConfig> updateChatConfig(PersonaService personas) {
        return c -> view(personas.update(new PersonaDraft(c.chatConfigId(), null, c.title(), null, null, null,
                c.systemPrompt(), c.model(), c.temperature(), null, null, null, null, null, null, null, null, null)));
    }

    @Bean
    Function<SessionRequest, Session> createChatSession(PersonaService personas, ConversationService conversations) {
        return r -> {
            Settings.requireText(r.chatConfigId(), "chat_config_id", 200);
            Persona config = personas.get(r.chatConfigId());
            ConversationSettings settings = new ConversationSettings(config.model(), config.systemPrompt(),
                    config.temperature(), null, null);
            Conversation c = conversations.create(new NewConversation(r.userId(), config.id(),
                    r.title() != null ? r.title() : config.displayName(), null, settings, false));
            return view(c, List.of());
        };
    }

    @Bean
    Function<SessionRequest, Session> getSession(ConversationService conversations) {
        return r -> view(conversations.get(r.sessionId()), allMessages(conversations, r.sessionId()));
    }

    @Bean
    Function<SessionRequest, Session> updateSession(ConversationService conversations) {
        return r -> {
            Conversation c = conversations.update(new ConversationChanges(r.sessionId(), r.title(), null,
                    new ConversationSettings(r.model(), r.systemPrompt(), r.temperature(), null, null)));
            return view(c, allMessages(conversations, c.id()));
        };
    }

    @Bean
    Function<SessionMessage, ChatRequest> sessionMessageRequest() {
        return m -> {
            Settings.requireText(m.sessionId(), "session_id", 200);
            Settings.requireText(m.message(), "message", Integer.MAX_VALUE);
            return ChatRequest.of(TextNode.valueOf(m.message()), null, m.sessionId(), null, null);
        };
    }

    @Bean
    Function<ChatReply, SessionReply> sessionMessageReply() {
        return r -> new SessionReply(r.conversationId(), r.outputText(), r.model(), r.usage(), r.cost());
    }

    private static List<Message> allMessages(ConversationService conversations, String id) {
        List<Message> all = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            List<Message> page = conversations.messages(new MessageQuery(id, 100, offset, "asc"));
            all.addAll(page);
            if (page.size() < 100) {
                return all;
            }
        }
    }

    private static ChatConfig view(Persona p) {
        return new ChatConfig(p.id(), p.model(), p.systemPrompt(), p.temperature(), p.displayName());
    }

    private static Session view(Conversation c, List<Message> messages) {
        ConversationSettings s = c.settings();
        return new Session(c.id(), c.personaId(), c.title(), s.systemPrompt(), s.model(), s.temperature(),
                messages.stream().map(m -> new Session.Line(m.role(), m.content())).toList(), c.createdAt(),
                c.updatedAt());
    }
}
