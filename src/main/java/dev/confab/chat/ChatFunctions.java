package dev.confab.chat;

import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

@Configuration(proxyBeanMethods = false)
class ChatFunctions {

    @Bean
    Function<ChatRequest, ChatReply> chat(ChatService chat) {
        return chat::reply;
    }

    @Bean
    Function<ChatRequest, Flux<ChatEvent>> chatStream(ChatService chat) {
        return chat::stream;
    }
}
