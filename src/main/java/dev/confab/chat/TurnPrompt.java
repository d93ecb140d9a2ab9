package dev.confab.chat;

import dev.confab.conversation.Message;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** The prompt of one turn: system prompt, stored history in order, then the new user message. */
final class TurnPrompt {

    private TurnPrompt() {
    }

    static Prompt of(TurnSettings settings, List<Message> history, UserInput input) {
        List<org.springframework.ai.chat.messages.Message> messages = new ArrayList<>();
        if (settings.systemPrompt() != null && !settings.systemPrompt().isBlank()) {
            messages.add(new SystemMessage(settings.systemPrompt()));
        }
        for (Message earlier : history) {
            String text = earlier.content() == null ? "" : earlier.content();
            if (Message.ASSISTANT.equals(earlier.role())) {
                messages.add(new AssistantMessage(text));
            } else if (Message.USER.equals(earlier.role())) {
                messages.add(UserMessage.builder().text(text).media(UserInput.imagesOf(earlier.parts())).build());
            }
        }
        messages.add(UserMessage.builder().text(input.text()).media(input.images()).build());
        ChatOptions options = ChatOptions.builder()
                .model(settings.model())
                .temperature(settings.temperature())
                .topP(settings.topP())
                .maxTokens(settings.maxTokens())
                .build();
        return new Prompt(messages, options);
    }
}
