package dev.confab.conversation;

import dev.confab.common.Deleted;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conversation capability as function beans; routes for them are in functions.yml. */
@Configuration(proxyBeanMethods = false)
class ConversationFunctions {

    @Bean
    Function<NewConversation, Conversation> createConversation(ConversationService conversations) {
        return conversations::create;
    }

    @Bean
    Function<ConversationRef, Conversation> getConversation(ConversationService conversations) {
        return ref -> conversations.get(ref.id());
    }

    @Bean
    Function<ConversationQuery, ConversationPage> listConversations(ConversationService conversations) {
        return conversations::list;
    }

    @Bean
    Function<ConversationChanges, Conversation> updateConversation(ConversationService conversations) {
        return conversations::update;
    }

    @Bean
    Function<ConversationRemoval, Deleted> deleteConversation(ConversationService conversations) {
        return conversations::delete;
    }

    @Bean
    Function<MessageQuery, List<Message>> listMessages(ConversationService conversations) {
        return conversations::messages;
    }
}
