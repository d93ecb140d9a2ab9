package dev.confab.seed.broadcust;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.confab.chat.ChatReply;
import dev.confab.chat.ChatRequest;
import dev.confab.common.Settings;
import dev.confab.persona.Persona;
import dev.confab.persona.PersonaDraft;
import dev.confab.persona.PersonaQuery;
import dev.confab.persona.PersonaService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Seed 000 (Broadcust): {@code /prompt*} as pipelines around the core chat, and the system
 * prompt CRUD over personas.
 */
@Configuration(proxyBeanMethods = false)
class BroadcustFunctions {

    @Bean
    Function<PromptRequest, ChatRequest> promptRequest() {
        return p -> {
            Settings.requireText(p.prompt(), "prompt", Integer.MAX_VALUE);
            return ChatRequest.of(TextNode.valueOf(p.prompt()), p.userId(), p.conversationId(), p.model(),
                    p.systemPrompt()).withPersona(p.systemPromptName());
        };
    }

    @Bean
    Function<ChatReply, PromptReply> promptReply() {
        return r -> new PromptReply(r.outputText(), r.model(), r.conversationId(), r.usage(), r.cost());
    }

    @Bean
    Supplier<SystemPromptList> listSystemPrompts(PersonaService personas) {
        return () -> {
            List<SystemPrompt> all = new ArrayList<>();
            for (int offset = 0; ; offset += 100) {
                var page = personas.list(new PersonaQuery(100, offset, null, null));
                page.data().forEach(p -> all.add(view(p)));
                if (!page.hasMore()) {
                    return new SystemPromptList(all, all.size());
                }
            }
        };
    }

    @Bean
    Function<SystemPromptName, SystemPrompt> getSystemPrompt(PersonaService personas) {
        return n -> view(personas.get(Settings.requireText(n.name(), "name", 200)));
    }

    @Bean
    Function<SystemPrompt, SystemPrompt> saveSystemPrompt(PersonaService personas) {
        return p -> {
            Settings.requireText(p.prompt(), "prompt", Integer.MAX_VALUE);
            return view(personas.save(PersonaDraft.named(p.name()).withSystemPrompt(p.prompt())));
        };
    }

    @Bean
    Function<SystemPromptName, SystemPromptRemoved> deleteSystemPrompt(PersonaService personas) {
        return n -> {
            personas.delete(Settings.requireText(n.name(), "name", 200));
            return new SystemPromptRemoved("System prompt deleted", n.name());
        };
    }

    private static SystemPrompt view(Persona p) {
        return new SystemPrompt(p.name(), p.systemPrompt(), p.createdAt(), p.updatedAt());
    }
}
