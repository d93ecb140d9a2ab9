package dev.confab.seed.yral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.confab.chat.ChatReply;
import dev.confab.chat.ChatRequest;
import dev.confab.common.Paging;
import dev.confab.conversation.Conversation;
import dev.confab.conversation.ConversationQuery;
import dev.confab.conversation.ConversationRemoval;
import dev.confab.conversation.ConversationService;
import dev.confab.conversation.MessageQuery;
import dev.confab.conversation.NewConversation;
import dev.confab.persona.PersonaQuery;
import dev.confab.persona.PersonaService;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Seed 002 (Yral): influencers are personas; a user has one conversation per influencer; sending
 * a message is a pipeline around the core chat. The user comes from the X-User-Id header until
 * JWT authentication arrives.
 */
@Configuration(proxyBeanMethods = false)
class YralFunctions {

    private static final Set<String> TYPES = Set.of("text", "multimodal", "image", "audio");

    @Bean
    Function<PersonaQuery, InfluencerPage> listInfluencers(PersonaService personas) {
        return q -> {
            var page = personas.list(new PersonaQuery(q.limit(), q.offset(), true, q.category()));
            return new InfluencerPage(page.data().stream().map(Influencer::of).toList(), page.total(), page.limit(),
                    page.offset());
        };
    }

    @Bean
    Function<YralRequest, Influencer> getInfluencer(PersonaService personas) {
        return r -> Influencer.of(personas.get(r.id()));
    }

    @Bean
    Function<YralRequest, YralConversation> openInfluencerConversation(PersonaService personas,
            ConversationService conversations) {
        return r -> {
            String user = user(r);
            if (r.influencerId() == null || r.influencerId().isBlank()) {
                throw Problem.invalid("influencer_id", "influencer_id is required");
            }
            var influencer = personas.get(r.influencerId());
            Conversation c = conversations.create(new NewConversation(user, influencer.id(), null, null, null, true));
            return YralConversation.of(c, Influencer.of(influencer));
        };
    }

    @Bean
    Function<YralRequest, YralPages.Conversations> listInfluencerConversations(PersonaService personas,
            ConversationService conversations) {
        return r -> {
            String persona = r.influencerId() == null ? null : personas.get(r.influencerId()).id();
            var page = conversations.list(new ConversationQuery(user(r), persona, r.limit(), r.offset()));
            return new YralPages.Conversations(page.data().stream()
                    .map(c -> YralConversation.of(c, personas.find(c.personaId()).map(Influencer::of).orElse(null)))
                    .toList(), page.total(), page.limit(), page.offset());
        };
    }

    @Bean
    Function<YralRequest, YralPages.Removal> deleteInfluencerConversation(ConversationService conversations) {
        return r -> {
            conversations.getOwned(r.id(), user(r));
            conversations.delete(new ConversationRemoval(r.id(), false));
            return new YralPages.Removal(true, "Conversation deleted", r.id());
        };
    }

    @Bean
    Function<YralRequest, YralPages.Messages> listInfluencerMessages(ConversationService conversations) {
        return r -> {
            Conversation c = conversations.getOwned(r.id(), user(r));
            Paging paging = Paging.of(r.limit(), r.offset());
            var messages = conversations.messages(new MessageQuery(c.id(), paging.limit(), paging.offset(), r.order()));
            return new YralPages.Messages(c.id(), messages.stream().map(YralMessage::of).toList(),
                    conversations.countMessages(c.id()), paging.limit(), paging.offset());
        };
    }

    @Bean
    Function<YralRequest, ChatRequest> influencerMessageRequest(ConversationService conversations,
            ObjectMapper mapper) {
        return r -> {
            Conversation c = conversations.getOwned(r.id(), user(r));
            String type = r.messageType() == null ? "text" : r.messageType();
            if (!TYPES.contains(type)) {
                throw Problem.invalid("message_type", "message_type must be one of text, multimodal, image, audio");
            }
            if (type.equals("audio")) {
                throw Problem.invalid("message_type", "audio messages need transcription, which is not available yet");
            }
            JsonNode input = input(r, type, mapper);
            return ChatRequest.of(input, c.userId(), c.id(), null, null).withMessageType(type);
        };
    }

    @Bean
    Function<ChatReply, YralPages.Exchange> influencerMessageReply() {
        return r -> new YralPages.Exchange(YralMessage.of(r.userMessage()), YralMessage.of(r.assistantMessage()));
    }

    private static JsonNode input(YralRequest r, String type, ObjectMapper mapper) {
        boolean hasMedia = r.mediaUrls() != null && !r.mediaUrls().isEmpty();
        if (type.equals("text")) {
            if (r.content() == null || r.content().isBlank()) {
                throw Problem.invalid("content", "content is required for a text message");
            }
            return TextNode.valueOf(r.content());
        }
        if (!hasMedia) {
            throw Problem.invalid("media_urls", "media_urls is required for a " + type + " message");
        }
        ArrayNode parts = mapper.createArrayNode();
        if (r.content() != null && !r.content().isBlank()) {
            parts.addObject().put("type", "text").put("text", r.content());
        }
        r.mediaUrls().forEach(url -> parts.addObject().put("type", "image_url").putObject("image_url").put("url", url));
        return parts;
    }

    private static String user(YralRequest r) {
        if (r.userId() == null || r.userId().isBlank()) {
            throw new Problem(ProblemKind.UNAUTHORIZED, "missing_user", "authentication required: send X-User-Id");
        }
        return r.userId();
    }
}
