package dev.confab.chat;

import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatFunctions {

    @Bean
    Function<ChatRequest, ChatReply> chat(ChatService chat) {
        return chat::reply;
    }
}
